/**
 * Pages written for under-18s: content entries whose frontmatter says `audience: under-18` (src/content.config.ts
 * holds the field). They are tracker-free like the form pages: BaseLayout loads no consent layer on them and
 * their Content-Security-Policy allows no tracker host (DPDP Act 2023, s.9(3): no tracking or behavioural
 * monitoring of children). The cookie policy lists them from here.
 *
 * Read from the Markdown files, not through astro:content: astro.config.mjs fills the policies' tokens from this
 * list before the content layer runs, and one reader keeps the policy and the pages in step. Build time only,
 * from the project directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { type Locale, pathWithoutLocale } from '#functions/clinic/locales.ts';

export const audiences = ['everyone', 'under-18'] as const;

/** The content collections whose entries are pages, with each entry's address. */
const pageCollections = {
  treatments: (id: string) => `/treatments/${id}/`,
} as const;

export interface PageForUnder18s {
  /** The English page's; pathInLocale gives its twin's. */
  path: string;
  /** The page's title in each language (the Hindi twin's, content/hi/<collection>/). */
  titles: Record<Locale, string>;
}

let found: readonly PageForUnder18s[] | undefined;

/** Every page for under-18s, in the order of their collections and file names. */
export function pagesForUnder18s(): readonly PageForUnder18s[] {
  found ??= Object.entries(pageCollections).flatMap(([collection, pathOf]) => {
    const directory = join(process.cwd(), 'content', collection);
    return readdirSync(directory)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .flatMap((file) => {
        const { frontmatter } = parseFrontmatter(readFileSync(join(directory, file), 'utf8'));
        if (frontmatter.audience !== 'under-18') return [];
        const twin = parseFrontmatter(readFileSync(join(process.cwd(), 'content/hi', collection, file), 'utf8'));
        // The glob loader's id is the file name, which is already the page's slug.
        const titles = { en: String(frontmatter.title), hi: String(twin.frontmatter.title) };
        return [{ path: pathOf(file.replace(/\.md$/, '')), titles }];
      });
  });
  return found;
}

/** In any language: `/hi/treatments/braces-for-teens/` is the Hindi twin of a page for under-18s. */
export function isPageForUnder18s(pathname: string): boolean {
  const page = pathWithoutLocale(pathname);
  const withSlash = page.endsWith('/') ? page : `${page}/`;
  return pagesForUnder18s().some((page) => page.path === withSlash);
}
