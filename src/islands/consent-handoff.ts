/**
 * The lead forms' side of the handoff to the consent layer (see src/scripts/consent/handoff.ts, which spells
 * the same keys; tests/unit/consent-handoff.test.ts holds them equal).
 */
export const handoffKeys = {
  minorVisitor: 'clinic:minor-visitor',
  attribution: 'clinic:attribution',
} as const;

/**
 * The consent layer's record, as the forms read it: its cookie's name and the banner's revision. Spelled here, not
 * imported, for the same reason as the keys (functions/clinic/ shared with the consent layer would become a script
 * of its own on every page); the handoff test holds them equal to consentCookie and consentSettings.
 */
export const consentRecord = { cookieName: 'cc_cookie', revision: 1 } as const;

function attempt<T>(task: () => T): T | undefined {
  try {
    return task();
  } catch {
    return undefined;
  }
}

/**
 * The visitor is under 18: no tracking in this browser from now on, and no attribution kept. The consent layer
 * withdraws analytics and marketing on the next page that has one, and keeps them off.
 */
export function announceMinorVisitor(): void {
  attempt(() => {
    localStorage.setItem(handoffKeys.minorVisitor, '1');
    sessionStorage.removeItem(handoffKeys.attribution);
  });
}

/**
 * Whether this browser's consent record, of the banner's current revision, allows marketing cookies now (and is
 * not a minor's). The record outlives
 * the visit's arrival note, and may have been changed in another tab since: the server keeps attribution only
 * with this answer beside it.
 */
interface StoredConsent {
  categories?: unknown;
  revision?: unknown;
  data?: { minor?: unknown };
}

function marketingCookiesAllowed(): boolean {
  const record = attempt(() => {
    const raw = document.cookie
      .split(';')
      .map((pair) => pair.trim())
      .find((pair) => pair.startsWith(`${consentRecord.cookieName}=`))
      ?.slice(consentRecord.cookieName.length + 1);
    return raw ? (JSON.parse(decodeURIComponent(raw)) as StoredConsent) : null;
  });
  return (
    record?.revision === consentRecord.revision &&
    Array.isArray(record.categories) &&
    record.categories.includes('marketing') &&
    record.data?.minor !== true
  );
}

/**
 * This visit's arrival, with the page the form is sent from, and that marketing cookies are allowed; nothing
 * without marketing consent.
 */
export function arrivalWithFormPage(formPage: string): Record<string, unknown> {
  const arrival = attempt(() => JSON.parse(sessionStorage.getItem(handoffKeys.attribution) ?? 'null') as unknown);
  if (!arrival || typeof arrival !== 'object' || !marketingCookiesAllowed()) return {};
  return { attribution: { ...arrival, formPage }, marketingCookies: true };
}
