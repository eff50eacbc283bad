/**
 * The code's layers read bottom-up, and nothing points back: the clinic's configuration (and the settings, the
 * logger and the signed links' cryptography), then the outbox's vocabulary and the store, then the domain (forms,
 * intake, newsletter, consent, preferences, delivery, privacy, worker), then HTTP and the staff commands, then the pages in src/.
 * Checked over every import, type-only ones included, as the code spells them.
 */
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importsOf, sourceFilesIn } from '../support/import-graph.ts';

/** Each folder of functions/, and the folders it may import from (besides itself). */
const allowed: Record<string, readonly string[]> = {
  log: [],
  clinic: [],
  settings: [],
  links: [],
  outbox: ['clinic'],
  store: ['log', 'clinic', 'outbox'],
  forms: ['clinic', 'outbox'],
  intake: ['log', 'clinic', 'outbox', 'store', 'forms', 'links'],
  newsletter: ['log', 'clinic', 'outbox', 'store', 'forms', 'intake', 'links'],
  consent: ['clinic', 'forms'],
  preferences: ['clinic', 'outbox', 'store', 'intake', 'links'],
  delivery: ['log', 'clinic', 'outbox'],
  privacy: ['log', 'clinic', 'outbox', 'store', 'intake'],
  worker: ['log', 'clinic', 'outbox', 'store', 'delivery', 'privacy', 'preferences', 'settings'],
  http: [
    'log',
    'clinic',
    'outbox',
    'store',
    'forms',
    'intake',
    'newsletter',
    'consent',
    'privacy',
    'preferences',
    'worker',
    'settings',
    'commands',
  ],
  commands: ['log', 'clinic', 'outbox', 'store', 'intake', 'delivery', 'privacy', 'worker', 'settings'],
};
const folderOf = (path: string) => /^functions\/([^/]+)\//.exec(path)?.[1];

const sources = [...sourceFilesIn('functions', 'src', 'tests', 'bench'), 'astro.config.mjs', 'playwright.config.ts'];
const edges: ImportEdge[] = sources.flatMap(importsOf);
const fileEdges = edges.filter((edge) => !edge.package);
const describeEdge = ({ from, to }: ImportEdge) => `${from} -> ${to}`;

describe('the layers', () => {
  it('functions/ has exactly the folders the layer rules name', () => {
    const folders = new Set(sourceFilesIn('functions').map((file) => folderOf(file)));
    expect([...folders].sort()).toEqual(Object.keys(allowed).sort());
  });

  it('functions/ never imports src/', () => {
    expect(
      fileEdges.filter((edge) => edge.from.startsWith('functions/') && edge.to.startsWith('src/')).map(describeEdge),
    ).toEqual([]);
  });

  it('each folder of functions/ imports only the layers below it: the store calls no domain code', () => {
    const upward = fileEdges.filter((edge) => {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      return from !== undefined && to !== undefined && from !== to && !allowed[from]?.includes(to);
    });
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it('the store and the outbox load no domain package: no zod, no provider SDK, no React, no phone numbers', () => {
    const domainPackages = /^(zod|@hubspot|resend|react|@react-email|libphonenumber-js)/;
    const loaded = edges.filter(
      (edge) => edge.package && /^functions\/(store|outbox)\//.test(edge.from) && domainPackages.test(edge.to),
    );
    expect(loaded.map(describeEdge)).toEqual([]);
  });

  it('has no circle of imports, type-only ones included', () => {
    const next = new Map<string, string[]>();
    for (const edge of fileEdges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of next.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(circles).toEqual([]);
  });
});

describe('imports', () => {
  it('climb at most one folder: anything further goes through #functions/ or #src/', () => {
    expect(fileEdges.filter((edge) => edge.specifier.startsWith('../../')).map(describeEdge)).toEqual([]);
  });

  it('name the file, extension included (importsOf refuses any that does not)', () => {
    expect(fileEdges.filter((edge) => !/\.\w+$/.test(edge.specifier)).map(describeEdge)).toEqual([]);
  });
});
