/** The README's configuration table lists exactly the settings the code reads: the server's and the build's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import astroConfig from '#astro.config.mjs';
import { settingNames } from '#functions/settings/settings.ts';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Project layout'));
const rows = [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((match) => ({
  name: match[1] ?? '',
  readBy: match[2] ?? '',
}));

describe("the README's configuration table", () => {
  it('lists every setting of the server schema and of the build schema, once each, and nothing else', () => {
    const buildSettings = Object.keys(astroConfig.env?.schema ?? {});
    expect(rows.map((row) => row.name).sort()).toEqual([...new Set([...settingNames, ...buildSettings])].sort());
  });

  it('says which read each one: the build, the running code, or both', () => {
    const buildSettings = new Set(Object.keys(astroConfig.env?.schema ?? {}));
    for (const { name, readBy } of rows) {
      expect(readBy.includes('build'), name).toBe(buildSettings.has(name));
      expect(/server|worker|commands|crm:setup/.test(readBy), name).toBe(settingNames.includes(name as never));
    }
  });
});
