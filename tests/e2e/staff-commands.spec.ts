/**
 * The staff commands run while the server takes bookings on the embedded database: they go through the server,
 * and afterwards every booking it acknowledged and every audit entry they wrote is in the database.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { openStore } from '#functions/store/open.ts';
import { bookingBody } from '../support/booking-body.ts';
import { freePort } from '../support/postgres-server.ts';
import { startSite } from '../support/server.ts';

const run = promisify(execFile);

test('staff commands beside a server taking bookings lose nothing', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'staff-commands-'));
  try {
    const site = await startSite(await freePort(), { DATA_DIR: dataDir, WORKER: 'off', FORM_RATE_LIMIT: '100000' });
    const today = todayInClinic(new Date());
    const acknowledged: string[] = [];
    let next = 0;
    const bookings = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < 120) {
          const response = await fetch(`${site.origin}/api/booking`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(bookingBody(next++, today, 'staff-commands')),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { reference: string }).reference);
        }
      }),
    );
    const { DATABASE_URL: _embeddedOnly, ...env } = process.env;
    const command = (script: string, ...args: string[]) =>
      run(process.execPath, [script, ...args], { env: { ...env, DATA_DIR: dataDir } });
    const exports = 4;
    const commands = Promise.all([
      ...Array.from({ length: exports }, () =>
        command('functions/commands/privacy.ts', 'export', 'nobody@example.com'),
      ),
      command('functions/commands/leads.ts', 'status'),
      command('functions/commands/leads.ts', 'list'),
    ]);
    const [outputs] = await Promise.all([commands, bookings]);
    expect(outputs[exports]?.stdout).toMatch(/Booking requests\s+\d+/);
    expect(await site.stop()).toBe(0);

    const store = await openStore({ dataDir });
    try {
      const stored = await store.db.selectFrom('booking_requests').select('reference').execute();
      expect(new Set(stored.map((row) => row.reference))).toEqual(new Set(acknowledged));
      expect(acknowledged).toHaveLength(120);
      const audit = await store.db.selectFrom('privacy_audit').select('action').execute();
      expect(audit.filter((row) => row.action === 'export')).toHaveLength(exports);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
