import type { CookieValue } from 'vanilla-cookieconsent';
import { consentSettings, type PrivacySignal } from '#functions/clinic/consent.ts';

export type ReceiptSource = 'banner' | 'gpc' | 'minor';

export interface ConsentReceipt {
  consentId: string;
  acceptType: 'all' | 'custom' | 'necessary';
  acceptedCategories: string[];
  acceptedServices: string[];
  revision: number;
  policyVersion: string;
  language: 'en' | 'hi';
  source: ReceiptSource;
  privacySignal: PrivacySignal;
}

/** The receipt for the choice in the consent cookie: ids and choices only, nothing about the person. */
export function receiptFor(
  cookie: CookieValue,
  acceptType: ConsentReceipt['acceptType'],
  source: ReceiptSource,
  privacySignal: PrivacySignal,
): ConsentReceipt {
  return {
    consentId: cookie.consentId,
    acceptType,
    acceptedCategories: cookie.categories,
    acceptedServices: Object.values(cookie.services).flat(),
    revision: cookie.revision,
    policyVersion: consentSettings.policyVersion,
    language: cookie.languageCode === 'hi' ? 'hi' : 'en',
    source,
    privacySignal,
  };
}

export function sendReceipt(receipt: ConsentReceipt): void {
  fetch('/api/consent', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(receipt),
    keepalive: true,
  }).catch(() => {
    // The choice itself is already stored in the browser; a lost receipt is retried on the next change.
  });
}
