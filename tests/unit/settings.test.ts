import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '#functions/settings/settings.ts';

const run = promisify(execFile);

/** Runs an entry point as npm does and answers its exit code and output. */
async function entryPoint(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: '/nonexistent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('readSettings', () => {
  it('gives every setting its default, and reads an empty value as unset', () => {
    expect(readSettings({ PORT: '', WORKER: '' })).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 4321,
      DATA_DIR: '.data',
      FORM_RATE_LIMIT: 10,
      WORKER: 'on',
      RETENTION: 'on',
    });
    expect(readSettings({}).DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and switches', () => {
    expect(
      readSettings({ PORT: '8080', FORM_RATE_LIMIT: '1000', HUBSPOT_REQUESTS_PER_10S: '150', WORKER: 'off' }),
    ).toMatchObject({ PORT: 8080, FORM_RATE_LIMIT: 1000, HUBSPOT_REQUESTS_PER_10S: 150, WORKER: 'off' });
  });

  it('names every variable that does not fit, and why', () => {
    const problems = (() => {
      try {
        readSettings({
          HUBSPOT_REQUESTS_PER_10S: 'abc',
          WORKER: 'of',
          LINK_SIGNING_KEY: 'too short',
          DATABASE_URL: 'mysql://localhost/clinic',
          PORT: '70000',
          FRONT_DESK_EMAIL: 'front desk',
          SITE_URL: 'clinic.example',
        });
      } catch (error) {
        if (error instanceof SettingsError) return error.problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      'PORT: must be at most 65535',
      'SITE_URL: must be an http:// or https:// address',
      'DATABASE_URL: must be a postgres:// address',
      'LINK_SIGNING_KEY: must be at least 32 characters',
      'WORKER: must be "on" or "off"',
      'HUBSPOT_REQUESTS_PER_10S: must be a whole number',
      'FRONT_DESK_EMAIL: must be an email address',
    ]);
  });
});

describe('a setting that does not fit stops start-up, naming the variable', () => {
  it('in the server', { timeout: 30_000 }, async () => {
    const server = await entryPoint('functions/http/server.ts', [], { LINK_SIGNING_KEY: 'short', WORKER: 'of' });
    expect(server.code).toBe(2);
    expect(server.stderr).toContain('LINK_SIGNING_KEY: must be at least 32 characters');
    expect(server.stderr).toContain('WORKER: must be "on" or "off"');
  });

  it('in the staff commands, whose --help works whatever the settings', { timeout: 30_000 }, async () => {
    const leads = await entryPoint('functions/commands/leads.ts', ['status'], { FORM_RATE_LIMIT: '0' });
    expect(leads).toMatchObject({ code: 2, stderr: expect.stringContaining('FORM_RATE_LIMIT: must be at least 1') });
    const help = await entryPoint('functions/commands/leads.ts', ['--help'], { FORM_RATE_LIMIT: '0' });
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run leads/) });
  });
});

describe('every staff command', () => {
  it('explains itself with --help and does nothing else', { timeout: 60_000 }, async () => {
    for (const [script, usage] of [
      ['functions/commands/worker.ts', 'Usage: npm run worker'],
      ['functions/commands/crm-setup.ts', 'Usage: npm run crm:setup'],
      ['functions/commands/privacy.ts', 'Usage: npm run privacy'],
      ['functions/commands/leads.ts', 'Usage: npm run leads'],
    ] as const) {
      const answer = await entryPoint(script, ['--help'], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
      expect(answer.code, script).toBe(0);
      expect(answer.stdout.startsWith(usage), script).toBe(true);
    }
  });

  it('refuses an argument it does not take, with exit code 2 and its help', { timeout: 60_000 }, async () => {
    for (const [script, args] of [
      ['functions/commands/worker.ts', ['now']],
      ['functions/commands/crm-setup.ts', ['--force']],
      ['functions/commands/privacy.ts', ['purge', 'everything']],
      ['functions/commands/leads.ts', ['status', '--all']],
    ] as const) {
      const answer = await entryPoint(script, [...args], { HUBSPOT_ACCESS_TOKEN: 'pat-test' });
      expect(answer.code, script).toBe(2);
      expect(answer.stderr, script).toContain('Usage: npm run');
    }
  });
});
