/**
 * Tables and lists that the policies take from the site config instead of typing them out: a paragraph that holds
 * only `{{table.processors}}` (for example) becomes the block built here, so the policy cannot name a provider,
 * tracker or request type that the code does not have, or leave one out. Filled by remark-clinic-tokens.ts.
 */
import type { BlockContent, List, PhrasingContent, Table, TableRow } from 'mdast';
import { type Locale, pathInLocale } from '#functions/clinic/locales.ts';
import { consentCategoryNames, trackingServicePolicy } from '#functions/clinic/policy-wording.ts';
import { processors } from '#functions/clinic/processors.ts';
import { retentionBySystem } from '#functions/clinic/retention.ts';
import { rightsRequestLabels } from '#functions/clinic/rights-request-labels.ts';
import { trackingServices } from '#functions/clinic/tracking-services.ts';
import { pagesForUnder18s } from './pages-for-under-18s.ts';

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

const headers: Readonly<
  Record<Locale, { processors: string[]; trackingServices: string[]; retentionBySystem: string[]; noPages: string }>
> = {
  en: {
    processors: ['Provider', 'What they do for us', 'What they receive', 'Where they keep it'],
    trackingServices: ['Tool', 'Category', 'What it collects', 'How we limit it'],
    retentionBySystem: ['System', 'What it keeps', 'When it is deleted', 'Who deletes it'],
    noPages: 'We have no such pages at the moment.',
  },
  hi: {
    processors: ['सेवा देने वाला', 'हमारे लिए क्या करता है', 'उसे क्या मिलता है', 'वह इसे कहां रखता है'],
    trackingServices: ['टूल', 'श्रेणी', 'क्या इकट्ठा करता है', 'हम इसे कैसे सीमित रखते हैं'],
    retentionBySystem: ['सिस्टम', 'उसमें क्या रहता है', 'कब मिटाया जाता है', 'कौन मिटाता है'],
    noPages: 'अभी ऐसा कोई पेज नहीं है।',
  },
};

/** Built once from the config, in each language: plain data, so it can be passed to the remark plugin as options. */
function blocksIn(locale: Locale): Readonly<Record<string, readonly BlockContent[]>> {
  const words = headers[locale];
  const under18s = pagesForUnder18s();
  return {
    /** Privacy policy, "Service providers we use": every processor in functions/clinic/processors.ts. */
    'table.processors': [
      table(
        words.processors,
        processors.map((processor) => {
          const { name, purpose, receives, location } = locale === 'hi' ? processor.hi : processor;
          return [{ strong: name }, purpose, receives, location];
        }),
      ),
    ],
    /** Privacy policy, "Cookies and analytics": every service the site can load (tracking-services.ts). */
    'table.trackingServices': [
      table(
        words.trackingServices,
        trackingServices.map((service) => [
          { strong: service.label, after: ` (${service.provider})` },
          consentCategoryNames[locale][service.category],
          trackingServicePolicy[locale][service.id].collects,
          trackingServicePolicy[locale][service.id].limits,
        ]),
      ),
    ],
    /** Privacy policy, "How long we keep information": every system the website writes to (retention.ts). */
    'table.retentionBySystem': [
      table(
        words.retentionBySystem,
        retentionBySystem[locale].map((row) => [{ strong: row.system }, row.keeps, row.deleted, row.by]),
      ),
    ],
    /** Privacy policy, "How to make a request": the request types the rights form offers, in its words. */
    'list.rightsRequestTypes': [bulletList(Object.values(rightsRequestLabels[locale].rightsRequestTypes))],
    /** Cookie policy, "Pages that never load trackers": the pages written for under-18s (pages-for-under-18s.ts). */
    'list.pagesForUnder18s': [
      under18s.length > 0
        ? bulletList(under18s.map((page) => ({ link: pathInLocale(locale, page.path), text: page.titles[locale] })))
        : { type: 'paragraph', children: phrasing(words.noPages) },
    ],
  };
}

export const policyBlocks: Readonly<Record<Locale, Readonly<Record<string, readonly BlockContent[]>>>> = {
  en: blocksIn('en'),
  hi: blocksIn('hi'),
};
