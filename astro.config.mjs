// @ts-check

import { unified } from '@astrojs/markdown-remark';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { remarkClinicTokens } from './src/lib/remark-clinic-tokens.ts';

const DEFAULT_SITE_URL = 'http://localhost:4321';

export default defineConfig({
  // Canonical URLs, Open Graph and the sitemap need the public origin at build time.
  site: process.env.SITE_URL ?? DEFAULT_SITE_URL,
  trailingSlash: 'ignore',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), sitemap({ filter: (page) => !page.endsWith('/404/') })],
  markdown: { processor: unified({ remarkPlugins: [remarkClinicTokens] }) },
  build: { inlineStylesheets: 'always' },
  security: {
    checkOrigin: true,
    csp: {
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
  env: {
    schema: {
      SITE_URL: envField.string({ context: 'server', access: 'public', url: true, default: DEFAULT_SITE_URL }),
      PUBLIC_GA4_ID: envField.string({ context: 'client', access: 'public', optional: true, startsWith: 'G-' }),
      PUBLIC_CLARITY_ID: envField.string({ context: 'client', access: 'public', optional: true }),
      PUBLIC_META_PIXEL_ID: envField.string({ context: 'client', access: 'public', optional: true }),
    },
  },
  server: { host: '127.0.0.1' },
});
