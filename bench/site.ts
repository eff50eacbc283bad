// Builds the site with every tracker configured (placeholder IDs), then prints bytes on the wire per page type, the
// consent layer's own weight, and Lighthouse scores (mobile, before consent, with the banner showing) for the home
// page, a treatment page and the booking page: the median of 5 runs each, and the range.
// Run: npm run bench
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { hydrateForm } from '../tests/e2e/form-islands.ts';
import { pageTypes } from '../tests/e2e/page-types.ts';
import { measurePageWeight } from '../tests/support/page-weight.ts';
import { startSite } from '../tests/support/server.ts';
import trackerIds from '../tests/support/tracker-ids.json' with { type: 'json' };

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const lighthouseRuns = 5;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const spread = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

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
  // The form pages load their island once the form is used: measured both ways.
  const formPages = {
    booking: pageTypes.booking,
    newsletter: pageTypes.newsletter,
    privacyRights: pageTypes.privacyRights,
  };
  const measured = [
    ...Object.entries(pageTypes).map(([pageType, path]) => ({ pageType, path, afterLoad: undefined })),
    ...Object.entries(formPages).map(([pageType, path]) => ({
      pageType: `${pageType}, in use`,
      path,
      afterLoad: hydrateForm,
    })),
  ];
  for (const { pageType, path, afterLoad } of measured) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    const weight = await measurePageWeight(page, `${site.origin}${path}`, afterLoad);
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
    const pages = { home: pageTypes.home, treatment: pageTypes.treatment, booking: pageTypes.booking };
    const runs = Object.fromEntries(Object.keys(pages).map((pageType) => [pageType, [] as Record<string, number>[]]));
    /** One audit; a run Lighthouse could not complete (it saw no navigation, say) is said and run again. */
    const audit = async (path: string) => {
      for (let attempt = 1; ; attempt += 1) {
        const lhr = (
          await lighthouse(`${site.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' })
        )?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (!lhr.runtimeError) return lhr;
        console.log(`Lighthouse could not complete ${path} (${lhr.runtimeError.code}); running it again`);
        if (attempt === 3) throw new Error(`Lighthouse failed ${path} three times`);
      }
    };
    // The pages take turns, so that a slow moment of the machine does not fall on one page only.
    for (let run = 0; run < lighthouseRuns; run += 1) {
      for (const [pageType, path] of Object.entries(pages)) {
        const lhr = await audit(path);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        runs[pageType]?.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
          seo: score('seo'),
          lcp: (lhr.audits['largest-contentful-paint']?.numericValue ?? 0) / 1000,
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
        });
      }
    }
    const of = (pageRuns: Record<string, number>[], key: string) => pageRuns.map((pageRun) => pageRun[key] ?? 0);
    console.log(
      `\nLighthouse (mobile emulation, simulated throttling): median of ${lighthouseRuns} runs (lowest–highest)`,
    );
    console.table(
      Object.entries(runs).map(([pageType, pageRuns]) => ({
        page: pageType,
        performance: spread(of(pageRuns, 'performance')),
        'TBT ms': spread(of(pageRuns, 'tbt')),
        'LCP s': spread(of(pageRuns, 'lcp'), 2),
        CLS: median(of(pageRuns, 'cls')).toFixed(3),
        accessibility: median(of(pageRuns, 'accessibility')),
        'best-practices': median(of(pageRuns, 'best-practices')),
        seo: median(of(pageRuns, 'seo')),
      })),
    );
  } finally {
    chrome.kill();
  }
} finally {
  await site.stop();
}
