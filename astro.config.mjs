// @ts-check

import { unified } from '@astrojs/markdown-remark';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { configuredServices, cspSourcesFor } from '#functions/clinic/tracking-services.ts';
import { defaultSiteUrl } from '#functions/settings/settings.ts';
import { clinicContent, remarkClinicTokens } from '#src/lib/remark-clinic-tokens.ts';

// Tracker hosts enter the CSP only when that tracker's ID is configured for this build.
const trackerSources = cspSourcesFor(
  configuredServices({
    ga4: process.env.PUBLIC_GA4_ID,
    clarity: process.env.PUBLIC_CLARITY_ID,
    meta: process.env.PUBLIC_META_PIXEL_ID,
  }),
);
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

/** @param {string[]} list */
const sources = (...list) => list.join(' ');

export default defineConfig({
  // Canonical URLs, Open Graph and the sitemap need the public origin at build time.
  site: process.env.SITE_URL || defaultSiteUrl,
  trailingSlash: 'ignore',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    react(),
    sitemap({ filter: (page) => !unlistedPaths.some((path) => new URL(page).pathname === path) }),
  ],
  // The values are passed as the plugin's options so that they are part of the config: Astro re-renders cached
  // Markdown when the config changes, and a changed period or contact in src/config must reach the policies.
  markdown: { processor: unified({ remarkPlugins: [[remarkClinicTokens, clinicContent]] }) },
  build: { inlineStylesheets: 'always' },
  security: {
    checkOrigin: true,
    csp: {
      scriptDirective: { resources: ["'self'", ...trackerSources.script] },
      directives: [
        "default-src 'self'",
        `img-src ${sources("'self'", 'data:', ...trackerSources.img)}`,
        "font-src 'self'",
        `connect-src ${sources("'self'", ...trackerSources.connect)}`,
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
