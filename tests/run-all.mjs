// Runs every test suite and ends with the one line CI reads: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };

if (run('bash', ['tests/setup/system-deps.sh']) !== 0) {
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

// Suites that crash before writing a report count as one failure each, so a broken run never reads as green.
const vitestStatus = run('vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${reports}/vitest.json`,
]);
const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0 && !vitest?.numFailedTests) totals.failed += 1;

// The browser tests build with every tracker configured (IDs of no real account), so the consent layer is exercised.
const trackerIds = JSON.parse(readFileSync('tests/support/tracker-ids.json', 'utf8'));
const buildStatus = run('astro', ['build'], { ASTRO_TELEMETRY_DISABLED: '1', ...trackerIds });
if (buildStatus !== 0) {
  totals.failed += 1;
} else {
  const playwrightStatus = run('playwright', ['test']);
  const playwright = readJson(`${reports}/playwright.json`);
  if (playwright) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky;
    totals.failed += playwright.stats.unexpected;
    totals.skipped += playwright.stats.skipped;
  }
  if (playwrightStatus !== 0 && !playwright?.stats.unexpected) totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
