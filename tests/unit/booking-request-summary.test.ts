/**
 * The booking thank-you page repeats what was requested without exposing it to whoever has the address: from this
 * tab's storage after the island sends the form, or from a sealed, short-lived token after a plain form post.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import type { Site } from '#functions/http/site.ts';
import {
  recallBookingRequest,
  rememberBookingRequest,
  requestSummaryMinutes,
  summaryKeys,
} from '#src/islands/booking-request-storage.ts';
import { describeBookingRequest } from '#src/islands/booking-request-summary.ts';
import { openRequest, sealRequest } from '#src/pages/book/_request-token.ts';

const request = {
  reference: 'KC-7Q4M-X2P9',
  treatment: 'dental-implants',
  branch: 'bengaluru-indiranagar',
  preferredDate: '2026-07-11',
  timeWindow: 'morning',
} as const;
const person = { fullName: 'Asha Rao', mobile: '98765 43210', email: 'asha@example.com', dateOfBirth: '1990-05-10' };
const minute = 60_000;

/** Only the settings and the database the token needs; a configured key never reaches the database. */
function siteWithKey(key: string): Site {
  return { settings: { LINK_SIGNING_KEY: key }, database: async () => ({}) } as unknown as Site;
}

describe('the summary of a booking request', () => {
  it('names what was asked for, in words, and nothing about who asked', () => {
    const summary = describeBookingRequest(
      { ...request, ...person, treatmentTitle: 'Dental implants' },
      englishFormMessages,
    );
    expect(summary).toEqual({
      reference: 'KC-7Q4M-X2P9',
      treatment: 'Dental implants',
      clinic: 'Indiranagar, Bengaluru',
      day: 'Saturday, 11 July 2026',
      time: 'Morning (before 12 pm)',
    });
    expect(Object.keys(summary).sort()).toEqual([...summaryKeys].sort());
  });
});

describe("the summary in this tab's storage", () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    Object.assign(globalThis, {
      sessionStorage: {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => store.set(key, value),
      },
    });
  });
  afterEach(() => {
    store.clear();
    Reflect.deleteProperty(globalThis, 'sessionStorage');
  });

  const summary = describeBookingRequest({ ...request, treatmentTitle: 'Dental implants' }, englishFormMessages);

  it('is recalled by the thank-you page for as long as the policy says, then forgotten', () => {
    const sentAt = Date.UTC(2026, 6, 1, 10);
    rememberBookingRequest(summary, sentAt);
    expect(recallBookingRequest(sentAt + minute)).toEqual(summary);
    expect(recallBookingRequest(sentAt + requestSummaryMinutes * minute)).toBeUndefined();
  });

  it('is ignored when it is not what the island wrote', () => {
    store.set('clinic:booking-request', JSON.stringify({ ...summary, day: 3, savedAt: Date.now() }));
    expect(recallBookingRequest()).toBeUndefined();
    store.set('clinic:booking-request', '{not json');
    expect(recallBookingRequest()).toBeUndefined();
  });
});

describe("the thank-you page's sealed token", () => {
  const site = siteWithKey('test-link-signing-key-0123456789abcdef');
  const sentAt = Date.UTC(2026, 6, 1, 10);

  it('opens to what was requested until it expires', async () => {
    const token = (await sealRequest(site, request, sentAt)) ?? '';
    expect(await openRequest(site, token, sentAt + minute)).toEqual(request);
    expect(await openRequest(site, token, sentAt + requestSummaryMinutes * minute)).toBeUndefined();
  });

  it('shows nothing readable, and seals nothing about who asked', async () => {
    const token = (await sealRequest(site, request, sentAt)) ?? '';
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    for (const value of Object.values(request)) expect(decoded).not.toContain(value);
    // AES-GCM keeps the length: the same length with the person's details given means they were left out.
    const withPerson = (await sealRequest(site, { ...request, ...person }, sentAt)) ?? '';
    expect(withPerson.length).toBe(token.length);
  });

  it('refuses a token altered, made with another key, or of other values', async () => {
    const token = (await sealRequest(site, request, sentAt)) ?? '';
    const flipped = Buffer.from(token, 'base64url');
    flipped[flipped.length - 1] = (flipped.at(-1) ?? 0) ^ 1;
    expect(await openRequest(site, flipped.toString('base64url'), sentAt)).toBeUndefined();
    expect(await openRequest(siteWithKey('another-key-0123456789abcdef-another'), token, sentAt)).toBeUndefined();
    expect(await openRequest(site, 'KC-7Q4M-X2P9', sentAt)).toBeUndefined();
    expect(await sealRequest(site, { ...request, branch: 'nowhere' }, sentAt)).toBeUndefined();
  });
});
