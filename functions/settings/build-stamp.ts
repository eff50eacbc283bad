/**
 * Whether the build in dist/ is the one the sources and the build-time settings make, so that `npm start` builds
 * only when something changed and N instances can share one build. The build writes its stamp (astro.config.mjs):
 * the build-time settings it used; its time is the file's own.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const buildStampPath = 'dist/build-stamp.json';

/** What the pages bake in, besides the sources: Astro's `env.schema` (astro.config.mjs). */
const buildSettingNames = ['SITE_URL', 'PUBLIC_GA4_ID', 'PUBLIC_CLARITY_ID', 'PUBLIC_META_PIXEL_ID'] as const;

/** Everything the build reads from the repository. */
const buildInputs = ['src', 'content', 'public', 'functions', 'astro.config.mjs', 'package.json', 'package-lock.json'];

function buildSettings(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(buildSettingNames.map((name) => [name, env[name] ?? '']));
}

export function writeBuildStamp(env: Record<string, string | undefined>): void {
  writeFileSync(buildStampPath, JSON.stringify({ settings: buildSettings(env) }));
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Current: stamped by a build with these settings, after the last change to any of its inputs. */
export function isBuildCurrent(env: Record<string, string | undefined>): boolean {
  if (!existsSync(buildStampPath)) return false;
  const stamp = JSON.parse(readFileSync(buildStampPath, 'utf8')) as { settings?: Record<string, string> };
  if (JSON.stringify(stamp.settings) !== JSON.stringify(buildSettings(env))) return false;
  return Math.max(...buildInputs.map(newestChange)) < statSync(buildStampPath).mtimeMs;
}
