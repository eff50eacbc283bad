import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTwinProblems } from '#src/lib/content-twins.ts';
import { shapeDifferences } from '#src/lib/same-shape.ts';
import { catalogues, pageTwinProblems, translationProblems } from '#src/lib/translation-check.ts';

const root = join(import.meta.dirname, '../..');

describe('everything in both languages', () => {
  it('has every page, content entry and message in English and Hindi (what the build checks)', () => {
    expect(translationProblems(root)).toEqual([]);
  });

  it('holds every catalogue to the same keys, lists and functions in both languages', () => {
    expect(catalogues.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'functions/forms/messages-*.ts',
        'src/lib/ui-*.ts',
        'src/scripts/consent/copy-*.ts',
        'functions/delivery/email/templates/booking-confirmation.tsx',
        'functions/delivery/email/templates/guardian-consent-request.tsx',
      ]),
    );
    for (const { name, english, hindi } of catalogues) {
      expect(shapeDifferences(english, hindi, ''), name).toEqual([]);
    }
    // The check itself: a key missing, a list shorter or a function where a text should be is each named.
    expect(shapeDifferences({ a: 'x', b: { c: 'y' } }, { a: 'x', b: {} }, '')).not.toEqual([]);
    expect(shapeDifferences({ list: ['a', 'b'] }, { list: ['a'] }, '')).not.toEqual([]);
    expect(shapeDifferences({ f: (n: number) => `${n}` }, { f: 'text' }, '')).not.toEqual([]);
  });

  describe('in a copy of the project', () => {
    const copy = mkdtempSync(join(tmpdir(), 'twins-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
    cpSync(join(root, 'src/pages'), join(copy, 'src/pages'), { recursive: true });

    it('names a content entry without its twin, and a twin without its English entry', () => {
      unlinkSync(join(copy, 'content/hi/treatments/teeth-whitening.md'));
      writeFileSync(join(copy, 'content/hi/doctors/nobody.md'), '---\nname: कोई नहीं\n---\n');
      // The policies too: a legal page in one language only.
      unlinkSync(join(copy, 'content/hi/legal/cookie-policy.md'));
      writeFileSync(join(copy, 'content/hi/legal/refunds.md'), '---\ntitle: रिफ़ंड\n---\nपाठ\n');
      expect(contentTwinProblems(copy)).toEqual(
        expect.arrayContaining([
          'content/hi/treatments/teeth-whitening.md is missing',
          'content/hi/doctors/nobody.md has no English entry (content/doctors/nobody.md)',
          'content/hi/legal/cookie-policy.md is missing',
          'content/hi/legal/refunds.md has no English entry (content/legal/refunds.md)',
        ]),
      );
    });

    it('names a page without its Hindi twin', () => {
      unlinkSync(join(copy, 'src/pages/hi/book/index.astro'));
      unlinkSync(join(copy, 'src/pages/hi/[legal].astro'));
      expect(pageTwinProblems(copy).sort()).toEqual([
        'src/pages/hi/[legal].astro is missing (the Hindi twin of src/pages/[legal].astro)',
        'src/pages/hi/book/index.astro is missing (the Hindi twin of src/pages/book/index.astro)',
      ]);
    });
  });
});
