/**
 * What a treatment page says about where it is offered must match the branches' specialties in the config: a
 * page may name a city only if a branch there offers the treatment's specialty.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { branches, type SpecialtyId } from '#functions/clinic/clinic.ts';

const directory = join(import.meta.dirname, '../../content/treatments');

describe('treatment pages', () => {
  it('name only the cities where a branch offers their specialty', async () => {
    const files = (await readdir(directory)).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of files) {
      const { frontmatter, content } = parseFrontmatter(await readFile(join(directory, file), 'utf8'));
      const specialty = frontmatter.specialty as SpecialtyId;
      const text = `${JSON.stringify(frontmatter)} ${content}`;
      for (const branch of branches) {
        const offers = (branch.specialties as readonly SpecialtyId[]).includes(specialty);
        if (text.includes(branch.city) && !offers)
          wrong.push(`${file} names ${branch.city}, which has no ${specialty}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
