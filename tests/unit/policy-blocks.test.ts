import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it, vi } from 'vitest';
import { processors } from '#functions/clinic/processors.ts';
import { formatDays, formatList } from '#src/lib/clinic-tokens.ts';
import { clinicContent, contentFileLocale, remarkClinicTokens } from '#src/lib/remark-clinic-tokens.ts';

async function render(markdown: string, options = clinicContent, file?: string): Promise<string> {
  const renderer = await createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [[remarkClinicTokens, options]],
  });
  return (await renderer.render(markdown, file ? { fileURL: new URL(`file:///site/${file}`) } : {})).code;
}

describe('policy placeholders', () => {
  it('replace a paragraph holding only a block placeholder with the table built from the config', async () => {
    const html = await render('## Providers\n\n{{table.processors}}\n\nAfter the table.');
    expect(html).toMatch(/<h2 id="providers">Providers<\/h2>\s*<table>/);
    expect(html).toContain('<th>Where they keep it</th>');
    for (const processor of processors) expect(html).toContain(`<td><strong>${processor.name}</strong></td>`);
    expect(html).toContain('<p>After the table.</p>');
  });

  it('render a list block as a bullet list, and fill the tokens around it', async () => {
    const html = await render('Write to {{grievance.email}}:\n\n{{list.rightsRequestTypes}}');
    expect(html).toContain('<li>Delete my information</li>');
    expect(html).toContain(clinicContent.en.tokens['grievance.email']);
  });

  it('fill a file under content/hi/ with the Hindi words, and any other file with the English', async () => {
    const markdown = '{{grievance.title}}\n\n{{list.rightsRequestTypes}}';
    const hindi = await render(markdown, clinicContent, 'content/hi/legal/privacy-policy.md');
    expect(hindi).toContain(`<p>${clinicContent.hi.tokens['grievance.title']}</p>`);
    expect(hindi).toContain('<li>मेरी जानकारी मिटा दें</li>');
    const english = await render(markdown, clinicContent, 'content/legal/privacy-policy.md');
    expect(english).toContain('<li>Delete my information</li>');
    expect(contentFileLocale('/srv/site/content/hi/legal/terms.md')).toBe('hi');
    expect(contentFileLocale('/srv/hi/content/legal/terms.md')).toBe('en');
    expect(contentFileLocale(undefined)).toBe('en');
  });

  it('leave each use its own copy of a block', async () => {
    const html = await render('{{list.rightsRequestTypes}}\n\n{{list.rightsRequestTypes}}');
    expect(html.match(/<ul>/g)).toHaveLength(2);
  });

  it('fail the build on an unknown block, or a block placeholder inside a sentence', async () => {
    // The processor logs the error before rethrowing it.
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(render('{{table.unknown}}')).rejects.toThrow('Unknown content block {{table.unknown}}');
    await expect(render('See {{table.processors}} here.')).rejects.toThrow(
      'Unknown content token {{table.processors}}',
    );
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it('take tokens and blocks from the options it is given (so they are part of the Astro config)', async () => {
    const custom = {
      tokens: { brand: 'Other Clinic' },
      blocks: { 'list.custom': [{ type: 'paragraph', children: [{ type: 'text', value: 'Custom block' }] }] },
    };
    const html = await render('{{brand}}\n\n{{list.custom}}', { en: custom, hi: custom });
    expect(html).toBe('<p>Other Clinic</p>\n<p>Custom block</p>');
  });
});

describe('token formatting', () => {
  it('lists names as a sentence does', () => {
    expect(formatList(['Google Analytics 4'])).toBe('Google Analytics 4');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('says whole years of days in months, and other periods in days', () => {
    expect(formatDays(365)).toBe('12 months');
    expect(formatDays(730)).toBe('24 months');
    expect(formatDays(90)).toBe('90 days');
    expect(formatDays(1)).toBe('1 day');
  });
});
