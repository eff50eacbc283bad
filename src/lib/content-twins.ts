/**
 * The words of the content collections, and the rule that ties each English entry to its Hindi twin: the same
 * file name under content/hi/<collection>/, holding every text field the English entry has (and nothing else),
 * with lists of the same length (a step, a risk or a question missing in one language would say less in it), and
 * a body where the English has one. Facts (prices, specialty, branches, registrations) are written once, in the
 * English entry, and read from there.
 *
 * The check reads the Markdown files, not astro:content, so that the build (translation-check.ts) can refuse a
 * missing twin before the content layer runs, and the unit tests can run it without Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import { shapeDifferences } from './same-shape.ts';

export const plainText = (max: number) => z.string().trim().min(1).max(max);
export const seoDescription = z.string().trim().min(50).max(160);

export const treatmentText = {
  title: plainText(60),
  summary: plainText(200),
  description: seoDescription,
  suits: z.array(plainText(240)).min(2),
  notSuitableFor: z.array(plainText(240)).default([]),
  steps: z.array(z.object({ title: plainText(80), detail: plainText(400) })).min(3),
  sessions: plainText(160),
  sessionLength: plainText(160),
  recovery: plainText(600),
  risks: z.array(plainText(300)).min(2),
  faqs: z.array(z.object({ question: plainText(160), answer: plainText(800) })).min(3),
};
/** The price's unit ("per tooth"): `price.unit` in the English entry, `priceUnit` in the Hindi one. */
export const priceUnit = plainText(60);

export const locationText = {
  description: seoDescription,
  landmark: plainText(200),
  gettingThere: z.array(plainText(300)).min(1),
  parking: plainText(300),
  accessibility: plainText(400),
};

export const doctorText = {
  name: plainText(80),
  role: plainText(80),
  qualifications: z.array(plainText(120)).min(1),
  languages: z.array(plainText(40)).min(1),
};

export const legalText = {
  title: plainText(80),
  description: seoDescription,
};

/**
 * Each collection with twins: its text fields, and where the Hindi twin keeps a field the English entry nests
 * (English path → Hindi field).
 */
export const twinnedCollections = {
  treatments: { text: Object.keys(treatmentText), renamed: { 'price.unit': 'priceUnit' } },
  locations: { text: Object.keys(locationText), renamed: {} },
  doctors: { text: Object.keys(doctorText), renamed: {} },
  legal: { text: Object.keys(legalText), renamed: {} },
} as const satisfies Record<string, { text: readonly string[]; renamed: Record<string, string> }>;

interface Entry {
  frontmatter: Record<string, unknown>;
  hasBody: boolean;
}

function entriesIn(directory: string): Map<string, Entry> {
  return new Map(
    readdirSync(directory)
      .filter((file) => file.endsWith('.md'))
      .map((file) => {
        const { frontmatter, content } = parseFrontmatter(readFileSync(join(directory, file), 'utf8'));
        return [file, { frontmatter, hasBody: content.trim() !== '' }];
      }),
  );
}

const valueAt = (data: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);

/** What is wrong with the twins under `root` (the project directory): one line per problem, none when all is well. */
export function contentTwinProblems(root: string): string[] {
  return Object.entries(twinnedCollections).flatMap(([collection, { text, renamed }]) => {
    const english = entriesIn(join(root, 'content', collection));
    const hindi = entriesIn(join(root, 'content', 'hi', collection));
    const where = (file: string) => `content/hi/${collection}/${file}`;
    const unmatched = [
      ...[...english.keys()].filter((file) => !hindi.has(file)).map((file) => `${where(file)} is missing`),
      ...[...hindi.keys()]
        .filter((file) => !english.has(file))
        .map((file) => `${where(file)} has no English entry (content/${collection}/${file})`),
    ];
    const mismatched = [...english].flatMap(([file, entry]) => {
      const twin = hindi.get(file);
      if (!twin) return [];
      const fields = [
        ...text.map((field) => [field, field] as const),
        ...Object.entries(renamed as Record<string, string>),
      ];
      const problems = fields.flatMap(([englishPath, hindiField]) =>
        shapeDifferences(valueAt(entry.frontmatter, englishPath), twin.frontmatter[hindiField], hindiField),
      );
      if (entry.hasBody !== twin.hasBody)
        problems.push(`the body is ${twin.hasBody ? 'only in Hindi' : 'missing in Hindi'}`);
      return problems.map((problem) => `${where(file)}: ${problem}`);
    });
    return [...unmatched, ...mismatched];
  });
}
