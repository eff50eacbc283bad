/**
 * The form schemas run in the browser too (the form islands): nothing functions/forms/ imports, directly or not,
 * may need Node or reach the store, and the islands take nothing else from functions/ at run time.
 */
import { describe, expect, it } from 'vitest';
import { runtimeClosure, sourceFilesIn } from '../support/import-graph.ts';

// Not libphonenumber-js nor @date-fns/tz: the booking page's budget has no room for their data (see
// forms/mobile-number.ts and clinic/dates.ts); the server checks mobile numbers and gives the form its today.
const allowedPackages = /^(zod\/mini|date-fns\/\w+|@date-fns\/utc)$/;
const browserSafeFolders = /^functions\/(forms|clinic)\//;

describe('the form modules the browser loads', () => {
  const forms = runtimeClosure(sourceFilesIn('functions/forms'));

  it('import only browser-safe packages', () => {
    expect([...forms.packages].filter((name) => !allowedPackages.test(name))).toEqual([]);
  });

  it('stay out of the store and the server: only the forms and the clinic configuration', () => {
    expect([...forms.files].filter((file) => !browserSafeFolders.test(file))).toEqual([]);
    expect(forms.files).toContain('functions/clinic/clinic.ts');
  });

  it('and the clinic configuration are all the islands take from functions/', () => {
    const islands = runtimeClosure(sourceFilesIn('src/islands'));
    const fromFunctions = [...islands.files].filter((file) => file.startsWith('functions/'));
    expect(fromFunctions.filter((file) => !browserSafeFolders.test(file))).toEqual([]);
    const { packages } = runtimeClosure(fromFunctions);
    expect([...packages].filter((name) => !allowedPackages.test(name))).toEqual([]);
    expect(fromFunctions).toContain('functions/forms/booking-schema.ts');
  });
});
