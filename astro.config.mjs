// @ts-check

import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { writeBuildStamp } from '#functions/settings/build-stamp.ts';
import { defaultSiteUrl } from '#functions/settings/settings.ts';
import { clinicContent, remarkClinicTokens } from '#src/lib/remark-clinic-tokens.ts';

// Error, confirmation and link-landing pages are not for search engines (each is marked noindex).
const unlistedPaths = [
  '/404/',
  '/book/thank-you/',
  '/book/guardian-consent/',
  '/newsletter/thank-you/',
  '/newsletter/confirm/',
  '/newsletter/unsubscribe/',
  '/privacy-rights/thank-you/',
];

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
  adapter: node({ mode: 'standalone' }),
  integrations: [
    // Lets `npm start` tell a current build from one to redo (functions/settings/build-stamp.ts).
    { name: 'build-stamp', hooks: { 'astro:build:done': () => writeBuildStamp(process.env) } },
    react(),
    hydrateOnInteraction,
    sitemap({ filter: (page) => !unlistedPaths.some((path) => new URL(page).pathname === path) }),
  ],
  // The values are passed as the plugin's options so that they are part of the config: Astro re-renders cached
  // Markdown when the config changes, and a changed period or contact in src/config must reach the policies.
  markdown: { processor: unified({ remarkPlugins: [[remarkClinicTokens, clinicContent]] }) },
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
