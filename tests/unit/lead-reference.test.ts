import { describe, expect, it } from 'vitest';
import { generateReference, normaliseReference } from '#functions/intake/reference.ts';

describe('generateReference', () => {
  it('makes KC-XXXX-XXXX from characters that cannot be mistaken for one another', () => {
    const references = Array.from({ length: 2000 }, generateReference);
    for (const reference of references) expect(reference).toMatch(/^KC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(references).size).toBe(references.length);
    const used = new Set(references.flatMap((reference) => [...reference.slice(3).replace('-', '')]));
    expect(used.size).toBe(30);
  });
});

describe('normaliseReference', () => {
  it('accepts a reference as typed: any case, with or without dashes and spaces', () => {
    for (const typed of ['KC-7Q4M-X2P9', 'kc-7q4m-x2p9', ' KC 7Q4M X2P9 ', 'kc7q4mx2p9']) {
      expect(normaliseReference(typed), typed).toBe('KC-7Q4M-X2P9');
    }
  });

  it('rejects anything else, including characters outside the alphabet', () => {
    for (const typed of ['KC-7Q4M-X2P', 'KC-7Q4M-X2P0', 'KC-7Q4M-X2PI', 'AB-7Q4M-X2P9', '', 'KC--7Q4MX2P9']) {
      expect(normaliseReference(typed), typed).toBeUndefined();
    }
  });
});
