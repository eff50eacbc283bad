/**
 * The preferences page's signed link, in every email the site sends to a person. Its token names the request the
 * email was about (its kind and reference, never the person) with the purpose `preferences`, and no expiry: it
 * works for as long as the store holds that request, and the page says so plainly once it does not.
 */
import { type Locale, pathInLocale } from '#functions/clinic/locales.ts';
import { checkLink, signLink } from '#functions/links/signed-links.ts';
import { type PreferenceLeadKind, type PreferencesUrl, preferenceLeadKinds } from '#functions/outbox/jobs.ts';

export const preferencesPath = '/preferences/';

export interface PreferencesLinkRef {
  kind: PreferenceLeadKind;
  reference: string;
}

/** `booking_KC-7Q4M-X2P9`: the three kinds draw references alike, so the kind tells them apart. */
const subjectOf = ({ kind, reference }: PreferencesLinkRef) => `${kind}_${reference}`;

export function preferencesToken(signingKey: string, lead: PreferencesLinkRef): string {
  return signLink(signingKey, 'preferences', subjectOf(lead));
}

export function preferencesLink(siteUrl: string, signingKey: string, lead: PreferencesLinkRef, locale: Locale): string {
  const url = new URL(pathInLocale(locale, preferencesPath), siteUrl);
  url.searchParams.set('token', preferencesToken(signingKey, lead));
  return url.href;
}

/** The request a token names, if it is a genuine preferences token (not cut short, changed, or for another link). */
export function readPreferencesToken(signingKey: string, token: string): PreferencesLinkRef | undefined {
  const link = checkLink(signingKey, 'preferences', token, new Date());
  if (!link.ok) return undefined;
  const separator = link.reference.indexOf('_');
  const kind = preferenceLeadKinds.find((known) => known === link.reference.slice(0, separator));
  const reference = link.reference.slice(separator + 1);
  return kind && reference ? { kind, reference } : undefined;
}

/** What the email deliveries are given: the key is read when an email is made (it may live in the database). */
export function preferencesUrls(siteUrl: string, signingKey: () => Promise<string>): PreferencesUrl {
  return async (lead, locale) => preferencesLink(siteUrl, await signingKey(), lead, locale);
}
