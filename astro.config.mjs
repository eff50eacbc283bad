// @ts-check

import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { remarkHeadingId } from 'remark-custom-heading-id';
import { defaultLocale, languageTags, locales, pathInLocale } from '#functions/clinic/locales.ts';
import { writeBuildStamp } from '#functions/settings/build-stamp.ts';
import { defaultSiteUrl } from '#functions/settings/settings.ts';
import { clinicContent, remarkClinicTokens } from '#src/lib/remark-clinic-tokens.ts';
import { remarkScrollableTables } from '#src/lib/remark-scrollable-tables.ts';
import { translationProblems } from '#src/lib/translation-check.ts';

// Error, confirmation and link-landing pages are not for search engines (each is marked noindex), in any language.
const unlistedPaths = [
  '/404/',
  '/book/thank-you/',
  '/book/guardian-consent/',
  '/newsletter/thank-you/',
  '/newsletter/confirm/',
  '/newsletter/unsubscribe/',
  '/privacy-rights/thank-you/',
  '/preferences/',
].flatMap((path) => locales.map((locale) => pathInLocale(locale, path)));

/** Nothing is built while a page, a content entry or a message is missing in one language. */
const everythingInHindi = {
  name: 'everything-in-hindi',
  hooks: {
    'astro:config:setup': () => {
      const problems = translationProblems(fileURLToPath(new URL('.', import.meta.url)));
      if (problems.length > 0) throw new Error(`Missing in one language:\n- ${problems.join('\n- ')}`);
    },
  },
};

/** `client:interaction` for the form islands (src/islands/interaction-directive.ts). */
const hydrateOnInteraction = {
  name: 'hydrate-on-interaction',
  hooks: {
    /** @param {{ addClientDirective: (directive: { name: string; entrypoint: string }) => void }} options */
    'astro:config:setup': ({ addClientDirective }) =>
      addClientDirective({
        name: 'interaction',
        entrypoint: fileURLToPath(new URL('./src/islands/interaction-directive.ts', import.meta.url)),
      }),
  },
};

export default defineConfig({
  // Canonical URLs, Open Graph and the sitemap need the public origin at build time.
  site: process.env.SITE_URL || defaultSiteUrl,
  trailingSlash: 'ignore',
  output: 'static',
  // English at the root, Hindi under /hi/ (functions/clinic/locales.ts). No fallback: a page without its Hindi twin
  // is not offered in Hindi (the language switch leads to the Hindi home instead), and a build check
  // (src/lib/translation-check.ts) refuses a missing twin where there must be one.
  i18n: { locales: [...locales], defaultLocale, routing: { prefixDefaultLocale: false } },
  adapter: node({ mode: 'standalone' }),
  integrations: [
    // Lets `npm start` tell a current build from one to redo (functions/settings/build-stamp.ts).
    { name: 'build-stamp', hooks: { 'astro:build:done': () => writeBuildStamp(process.env) } },
    everythingInHindi,
    react(),
    hydrateOnInteraction,
    // Each page is listed with its twin in the other language as an alternate (xhtml:link hreflang).
    sitemap({
      filter: (page) => !unlistedPaths.some((path) => new URL(page).pathname === path),
      i18n: { defaultLocale, locales: languageTags },
    }),
  ],
  // The values are passed as the plugin's options so that they are part of the config: Astro re-renders cached
  // Markdown when the config changes, and a changed period or contact in functions/clinic must reach the policies.
  // `## Heading {#id}`: a Hindi policy's sections keep the English ids, so links to them work in both languages.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkHeadingId, [remarkClinicTokens, clinicContent], remarkScrollableTables],
    }),
  },
  build: { inlineStylesheets: 'always' },
  security: {
    checkOrigin: true,
    // Tracker hosts are added page by page (BaseLayout): only where a tracker may load, and only if it is configured.
    csp: {
      scriptDirective: { resources: ["'self'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // The values the build bakes into the pages. What the server reads when it runs is one schema of its own
  // (functions/settings/settings.ts), parsed once at start-up.
  env: {
    schema: {
      SITE_URL: envField.string({ context: 'server', access: 'public', url: true, default: defaultSiteUrl }),
      PUBLIC_GA4_ID: envField.string({ context: 'client', access: 'public', optional: true, startsWith: 'G-' }),
      PUBLIC_CLARITY_ID: envField.string({ context: 'client', access: 'public', optional: true }),
      PUBLIC_META_PIXEL_ID: envField.string({ context: 'client', access: 'public', optional: true }),
    },
  },
  server: { host: '127.0.0.1' },
});
