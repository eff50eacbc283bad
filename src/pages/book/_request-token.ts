/**
 * The booking thank-you page's token for a form sent without JavaScript: what was requested (treatment, clinic,
 * day, time of day) and its reference, sealed with AES-256-GCM under a key derived from the site's link-signing
 * key, and expiring after `requestSummaryMinutes`. The address then reveals nothing to whoever sees it, and after
 * the expiry it shows nothing either. It never holds who asked (no name, mobile, email or date of birth).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { branchIds } from '#functions/clinic/clinic.ts';
import { isCalendarDate } from '#functions/clinic/dates.ts';
import { timeWindowIds } from '#functions/clinic/time-windows.ts';
import type { Site } from '#functions/http/site.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { requestSummaryMinutes } from '#src/islands/booking-request-storage.ts';

const requestedAppointment = z.object({
  reference: z.string(),
  /** The treatment's id. */
  treatment: z.string(),
  branch: z.enum(branchIds),
  preferredDate: z.string().refine(isCalendarDate),
  timeWindow: z.enum(timeWindowIds),
});
const sealedRequest = requestedAppointment.extend({ expiresAt: z.number() });

export type RequestedAppointment = z.infer<typeof requestedAppointment>;

const ivBytes = 12;
const tagBytes = 16;
const keys = new WeakMap<Site, Promise<Buffer>>();

function sealingKey(site: Site): Promise<Buffer> {
  let key = keys.get(site);
  if (!key) {
    key = site
      .database()
      .then((db) => linkSigningKey(db, site.settings.LINK_SIGNING_KEY))
      .then((secret) => Buffer.from(hkdfSync('sha256', secret, '', 'booking-thank-you', 32)));
    keys.set(site, key);
    key.catch(() => keys.delete(site));
  }
  return key;
}

/**
 * Seals what `RequestedAppointment` names of an accepted form's values (nothing else they hold), or gives
 * undefined for values without them.
 */
export async function sealRequest(site: Site, values: unknown, now = Date.now()): Promise<string | undefined> {
  const request = requestedAppointment.safeParse(values);
  if (!request.success) return undefined;
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(site), iv);
  const body = JSON.stringify({ ...request.data, expiresAt: now + requestSummaryMinutes * 60_000 });
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The request, or undefined for a token that is expired, altered or sealed with another key. */
export async function openRequest(
  site: Site,
  token: string,
  now = Date.now(),
): Promise<RequestedAppointment | undefined> {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= ivBytes + tagBytes) return undefined;
  let body: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await sealingKey(site), bytes.subarray(0, ivBytes));
    decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes));
    body = JSON.parse(
      Buffer.concat([decipher.update(bytes.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8'),
    );
  } catch {
    return undefined;
  }
  const sealed = sealedRequest.safeParse(body);
  if (!sealed.success || sealed.data.expiresAt <= now) return undefined;
  const { expiresAt: _expiry, ...request } = sealed.data;
  return request;
}
