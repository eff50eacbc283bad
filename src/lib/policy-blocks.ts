/**
 * Tables and lists that the policies take from the site config instead of typing them out: a paragraph that holds
 * only `{{table.processors}}` (for example) becomes the block built here, so the policy cannot name a provider,
 * tracker or request type that the code does not have, or leave one out. Filled by remark-clinic-tokens.ts.
 */
import type { BlockContent, List, PhrasingContent, Table, TableRow } from 'mdast';
import { rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { trackingServicePolicy } from '#functions/clinic/policy-wording.ts';
import { processors } from '#functions/clinic/processors.ts';
import { retentionBySystem } from '#functions/clinic/retention.ts';
import { type ConsentCategory, trackingServices } from '#functions/clinic/tracking-services.ts';
import { pagesForUnder18s } from './pages-for-under-18s.ts';

const categoryLabel: Record<Exclude<ConsentCategory, 'necessary'>, string> = {
  analytics: 'Analytics',
  marketing: 'Marketing',
};

type Cell = string | { strong: string; after?: string } | { link: string; text: string };

/** The policies' Markdown gets typographic apostrophes (SmartyPants runs before this plugin); so does config text. */
const typographic = (text: string) => text.replace(/'/g, '\u2019');

function phrasing(cell: Cell): PhrasingContent[] {
  if (typeof cell === 'string') return [{ type: 'text', value: typographic(cell) }];
  if ('link' in cell)
    return [{ type: 'link', url: cell.link, children: [{ type: 'text', value: typographic(cell.text) }] }];
  return [
    { type: 'strong', children: [{ type: 'text', value: typographic(cell.strong) }] },
    ...(cell.after ? [{ type: 'text' as const, value: typographic(cell.after) }] : []),
  ];
}

function table(header: readonly string[], rows: readonly (readonly Cell[])[]): Table {
  const row = (cells: readonly Cell[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: phrasing(cell) })),
  });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

function bulletList(items: readonly Cell[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: phrasing(item) }],
    })),
  };
}

/** Built once from the config: plain data, so it can be passed to the remark plugin as options. */
export const policyBlocks: Readonly<Record<string, readonly BlockContent[]>> = {
  /** Privacy policy, "Service providers we use": every processor in src/config/processors.ts. */
  'table.processors': [
    table(
      ['Provider', 'What they do for us', 'What they receive', 'Where they keep it'],
      processors.map((processor) => [
        { strong: processor.name },
        processor.purpose,
        processor.receives,
        processor.location,
      ]),
    ),
  ],
  /** Privacy policy, "Cookies and analytics": every service the site can load (src/config/tracking-services.ts). */
  'table.trackingServices': [
    table(
      ['Tool', 'Category', 'What it collects', 'How we limit it'],
      trackingServices.map((service) => [
        { strong: service.label, after: ` (${service.provider})` },
        categoryLabel[service.category],
        trackingServicePolicy[service.id].collects,
        trackingServicePolicy[service.id].limits,
      ]),
    ),
  ],
  /** Privacy policy, "How to make a request": the request types the rights form offers, in its words. */
  /** Privacy policy, "How long we keep information": every system the website writes to (retention.ts). */
  'table.retentionBySystem': [
    table(
      ['System', 'What it keeps', 'When it is deleted', 'Who deletes it'],
      retentionBySystem.map((row) => [{ strong: row.system }, row.keeps, row.deleted, row.by]),
    ),
  ],
  'list.rightsRequestTypes': [bulletList(Object.values(rightsRequestTypes).map((type) => type.label))],
  /** Cookie policy, "Pages that never load trackers": the pages written for under-18s (pages-for-under-18s.ts). */
  'list.pagesForUnder18s': [
    pagesForUnder18s().length > 0
      ? bulletList(pagesForUnder18s().map((page) => ({ link: page.path, text: page.title })))
      : { type: 'paragraph', children: phrasing('We have no such pages at the moment.') },
  ],
};
