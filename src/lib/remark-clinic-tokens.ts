import { defaultLocale, type Locale, locales } from '#functions/clinic/locales.ts';
import { clinicTokens, replaceClinicTokens } from './clinic-tokens.ts';
import { policyBlocks } from './policy-blocks.ts';

interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  children?: MarkdownNode[];
}

/** What the plugin fills in: `{{token}}` values and `{{table.*}}`/`{{list.*}}` blocks (Markdown syntax trees). */
export interface ClinicContent {
  tokens: Readonly<Record<string, string>>;
  blocks: Readonly<Record<string, readonly object[]>>;
}

/**
 * Everything the policies quote from the config, as plain data, in each language. Pass it to the plugin in astro.config.mjs
 * (`remarkPlugins: [[remarkClinicTokens, clinicContent]]`): Astro keeps rendered Markdown between builds until the
 * file or the Astro config changes, and options are part of the config it compares, so a changed contact,
 * period or processor then renders again instead of leaving the old text in place.
 */
export const clinicContent: Readonly<Record<Locale, ClinicContent>> = {
  en: { tokens: clinicTokens.en, blocks: policyBlocks.en },
  hi: { tokens: clinicTokens.hi, blocks: policyBlocks.hi },
};

/** A content file's language: content/hi/… is Hindi, the rest English (and Markdown given without a file). */
export function contentFileLocale(path: string | undefined): Locale {
  const parts = path?.split(/[\\/]/) ?? [];
  const content = parts.lastIndexOf('content');
  const folder = content === -1 ? undefined : parts[content + 1];
  return locales.find((locale) => locale !== defaultLocale && folder === locale) ?? defaultLocale;
}

/** A paragraph holding nothing but `{{table.name}}` or `{{list.name}}`: a block placeholder. */
const blockPattern = /^\s*\{\{\s*((?:table|list)\.[\w.]+)\s*\}\}\s*$/;

function blockName(node: MarkdownNode): string | undefined {
  const [only, ...rest] = node.children ?? [];
  if (node.type !== 'paragraph' || !only || rest.length > 0 || only.type !== 'text') return undefined;
  return blockPattern.exec(only.value ?? '')?.[1];
}

function expandBlocks(node: MarkdownNode, blocks: ClinicContent['blocks']): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    const name = blockName(child);
    if (name === undefined) {
      expandBlocks(child, blocks);
      return [child];
    }
    const block = blocks[name];
    if (!block) throw new Error(`Unknown content block {{${name}}}`);
    return structuredClone(block) as MarkdownNode[];
  });
}

function replaceInTree(node: MarkdownNode, tokens: ClinicContent['tokens']): void {
  if (typeof node.value === 'string') node.value = replaceClinicTokens(node.value, tokens);
  if (typeof node.url === 'string') node.url = replaceClinicTokens(decodeURI(node.url), tokens);
  for (const child of node.children ?? []) replaceInTree(child, tokens);
}

/**
 * Remark plugin: fills `{{token}}` placeholders in Markdown content from the site config, and replaces a paragraph
 * that holds only a block placeholder (`{{table.processors}}`) with the table or list built from it, in the
 * language of the file (content/hi/… in Hindi).
 */
export function remarkClinicTokens(options: Readonly<Record<Locale, ClinicContent>> = clinicContent) {
  return (tree: MarkdownNode, file: { path?: string }) => {
    const content = options[contentFileLocale(file.path)];
    expandBlocks(tree, content.blocks);
    replaceInTree(tree, content.tokens);
  };
}
