import { expect, test } from '@playwright/test';
import { clinic } from '#functions/clinic/clinic.ts';

test('/.well-known/security.txt gives the security contact and an Expires within a year (RFC 9116)', async ({
  request,
}) => {
  const response = await request.get('/.well-known/security.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain; charset=utf-8$/i);
  const fields = Object.fromEntries(
    (await response.text())
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
  expect(fields.Contact).toBe(`mailto:${clinic.securityContact.email}`);
  // RFC 9116 2.5.5: an RFC 3339 date-time, in the future, and less than a year ahead.
  expect(fields.Expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const daysLeft = (Date.parse(fields.Expires ?? '') - Date.now()) / 86_400_000;
  expect(daysLeft).toBeGreaterThan(0);
  expect(daysLeft).toBeLessThanOrEqual(Math.min(clinic.securityContact.expiresAfterDays, 365));
  expect(fields.Canonical).toMatch(/\/\.well-known\/security\.txt$/);
  expect(fields.Policy).toMatch(/\/privacy-policy\/#reporting-a-security-problem$/);
  expect(Object.keys(fields).sort()).toEqual(['Canonical', 'Contact', 'Expires', 'Policy', 'Preferred-Languages']);
});
