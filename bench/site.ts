// Builds the site with every tracker configured (placeholder IDs), then prints bytes on the wire per page type, the
// consent layer's own weight, and Lighthouse scores (mobile, before consent, with the banner showing).
// Run: npm run bench
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { pageTypes } from '../tests/e2e/page-types.ts';
import { measurePageWeight } from '../tests/support/page-weight.ts';
import { startSite } from '../tests/support/server.ts';
import trackerIds from '../tests/support/tracker-ids.json' with { type: 'json' };

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('astro', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...trackerIds },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const site = await startSite(4455);
try {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  const rows = [];
  for (const [pageType, path] of Object.entries(pageTypes)) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    const weight = await measurePageWeight(page, `${site.origin}${path}`);
    const inlineCss = (await page.locator('style').allTextContents()).join('');
    rows.push({
      page: pageType,
      'HTML KB (gz)': kb(weight.html),
      'inline CSS KB (gz)': kb(gzipSync(inlineCss).length),
      'CSS files KB': kb(weight.css),
      'JS KB': kb(weight.js),
      'images KB': kb(weight.images),
      'total KB': kb(weight.total),
    });
    await context.close();
  }
  await browser.close();
  console.log('\nBytes on the wire per page type (cold load, phone viewport; HTML includes its inlined CSS)');
  console.table(rows);
  const consentCss = ['node_modules/vanilla-cookieconsent/dist/cookieconsent.css', 'src/scripts/consent/theme.css']
    .map((file) => readFileSync(file))
    .reduce((total, css) => total + gzipSync(css).length, 0);
  console.log(
    `\nConsent layer on first load: JS ${rows[0]?.['JS KB']} KB on the wire (gzip, all of the page's JS), CSS ${kb(consentCss)} KB (gzip, inlined in each page)`,
  );

  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    const audits = [];
    for (const [pageType, path] of Object.entries({
      home: pageTypes.home,
      treatment: pageTypes.treatment,
      legal: pageTypes.privacyPolicy,
    })) {
      const result = await lighthouse(`${site.origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      audits.push({
        page: pageType,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        'LCP s': ((lhr.audits['largest-contentful-paint']?.numericValue ?? 0) / 1000).toFixed(2),
        'TBT ms': Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        CLS: (lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
      });
    }
    console.log('\nLighthouse (mobile emulation, simulated throttling)');
    console.table(audits);
  } finally {
    chrome.kill();
  }
} finally {
  await site.stop();
}
