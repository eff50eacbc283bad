/**
 * The lead schemas run in the browser too (the form islands): nothing they import, directly or not, may
 * need Node or reach the store. Follows the relative imports from the modules the islands use.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const browserModules = [
  'functions/leads/booking-schema.ts',
  'functions/leads/newsletter-schema.ts',
  'functions/leads/bots.ts',
  'functions/leads/age.ts',
  'functions/leads/dates.ts',
  'functions/leads/mobile-number.ts',
  'functions/leads/attribution.ts',
  'functions/leads/availability.ts',
  'functions/leads/time-windows.ts',
  'functions/http/field-errors.ts',
];
// Not libphonenumber-js nor @date-fns/tz: the booking page's budget has no room for their data (see
// mobile-number.ts and dates.ts); the server checks mobile numbers and gives the form its today.
const allowedPackages = /^(zod\/mini|date-fns\/\w+|@date-fns\/utc)$/;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? '',
  );
}

function reachableImports(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  for (const entry of entries) visit(resolve(entry));
  return { files, packages };
}

describe('the lead modules the browser loads', () => {
  const { files, packages } = reachableImports(browserModules);

  it('import only browser-safe packages', () => {
    expect([...packages].filter((name) => !allowedPackages.test(name))).toEqual([]);
  });

  it('stay out of the store and the server', () => {
    const relative = [...files].map((file) => file.slice(resolve('.').length + 1));
    expect(
      relative.filter(
        (file) =>
          !/^(functions\/leads\/|functions\/http\/field-errors\.ts$|functions\/privacy\/retention-periods\.ts$|src\/config\/)/.test(
            file,
          ),
      ),
    ).toEqual([]);
    expect(relative).toContain('src/config/clinic.ts');
  });
});
