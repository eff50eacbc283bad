import { randomUUID } from 'node:crypto';
import type { ConsentReceipt } from '#functions/consent/receipt.ts';

/** The receipt of a visitor who chose "Reject all" on the banner: strictly necessary cookies only. */
export const necessaryOnlyReceipt = (): ConsentReceipt => ({
  consentId: randomUUID(),
  acceptType: 'necessary',
  acceptedCategories: ['necessary'],
  acceptedServices: [],
  revision: 1,
  policyVersion: '2026-11',
  language: 'en',
  source: 'banner',
  privacySignal: 'none',
});
