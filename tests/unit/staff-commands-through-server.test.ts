/**
 * On the embedded database, which one process may open, a staff command never opens it a second time: while a
 * server holds it, the command runs through the server's staff socket, on the server's store; while another
 * command holds it, it refuses and says why. (tests/e2e/staff-commands.spec.ts runs them beside the real server.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffSocket, serveStaffCommands } from '#functions/commands/serve-commands.ts';
import { storeBookingRequest } from '#functions/intake/lead-records.ts';
import { readSettings } from '#functions/settings/settings.ts';
import { lockEmbeddedDatabase } from '#functions/store/embedded-lock.ts';
import { openStore, type Store } from '#functions/store/open.ts';
import { adultBooking, guardianLinks } from '../support/lead-fixtures.ts';
import { runStaffCommand } from '../support/staff-command.ts';
import { pgliteBackend } from '../support/store-backends.ts';

let dataDir = '';
let cleanUp = () => {};
let store: Store;
let socket: StaffSocket;

beforeAll(async () => {
  const empty = await pgliteBackend.emptyStore();
  dataDir = empty.config.dataDir;
  cleanUp = empty.cleanUp;
  // This process plays the server: it holds the database, and serves the staff socket.
  store = await openStore(empty.config);
  socket = await serveStaffCommands(store.db, readSettings({ DATA_DIR: dataDir }));
}, 60_000);

afterAll(async () => {
  await socket.close();
  await store.close();
  cleanUp();
});

describe('a staff command while the server holds the embedded database', () => {
  it('runs through the server, on its store, with the output and exit code it gives', { timeout: 30_000 }, async () => {
    const { reference } = await storeBookingRequest(
      store.db,
      adultBooking({ email: 'asha@example.com' }),
      guardianLinks,
    );

    const status = await runStaffCommand('functions/commands/leads.ts', dataDir, ['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Booking requests\s+1\n/);

    const exported = await runStaffCommand('functions/commands/privacy.ts', dataDir, ['export', 'asha@example.com']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).bookingRequests[0].record.reference).toBe(reference);
    expect(exported.stderr).toMatch(/^Exported 1 booking request/);
    const audit = await store.db.selectFrom('privacy_audit').select('action').execute();
    expect(audit).toEqual([{ action: 'export' }]);

    const missing = await runStaffCommand('functions/commands/leads.ts', dataDir, ['show', 'KC-2222-2222']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No booking request or newsletter subscription has the reference KC-2222-2222.');
  });

  it('explains a usage error through the server as it would alone', { timeout: 30_000 }, async () => {
    const wrong = await runStaffCommand('functions/commands/leads.ts', dataDir, ['retry']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^retry takes one job ID or reference\.\n\nUsage: npm run leads/);
  });
});

describe('a staff command while another command holds the embedded database', () => {
  it('refuses, saying who holds it, and writes nothing', { timeout: 30_000 }, async () => {
    const empty = await pgliteBackend.emptyStore();
    const held = lockEmbeddedDatabase(empty.config.dataDir, 'command');
    try {
      const refused = await runStaffCommand('functions/commands/privacy.ts', empty.config.dataDir, ['purge']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`a staff command, PID ${process.pid}`);
      expect(refused.stderr).toContain('run this command again when it has finished');
    } finally {
      held.release();
      empty.cleanUp();
    }
  });
});
