import type { ConsentLanguage } from '#functions/clinic/consent.ts';
import type { ConsentCategory, TrackingServiceId } from '#functions/clinic/tracking-services.ts';

/**
 * The banner's words in one language. Plain strings, as the page carries them as data (BaseLayout): the banner
 * script ships no words of its own, so neither language costs the other a byte. Links are written as the English
 * pages' addresses; the page turns them into its own language's where those pages exist.
 */
export interface BannerCopy {
  title: string;
  description: string;
  /** Replaces the description when the browser sends a privacy signal (its name replaces `{signal}`). */
  signalDescription: string;
  /** Added to the preferences' introduction when the browser sends a privacy signal (`{signal}` as above). */
  signalPreferencesNote: string;
  acceptAll: string;
  rejectAll: string;
  managePreferences: string;
  savePreferences: string;
  preferencesTitle: string;
  close: string;
  closeAndReject: string;
  serviceCounter: string;
  intro: string;
  cookiesLabel: string;
  /** Links to the policies and the rights page, shown in the banner's and the preferences' footers. */
  policyLinks: string;
  /** Where to take a question or complaint, ending with the Data Protection Board. */
  complaints: string;
  /** The confirmation once a choice is saved, followed by each category and whether it is on. */
  saved: string;
  on: string;
  off: string;
  /** Added to the confirmation when a privacy signal kept marketing off under "Accept all". */
  savedSignalNote: string;
  categories: Record<ConsentCategory, { title: string; description: string }>;
  servicePurposes: Record<TrackingServiceId, string>;
}

/** The element whose JSON (`PageBannerCopy`) gives the banner its words. */
export const bannerCopyId = 'consent-copy';

export interface PageBannerCopy {
  language: ConsentLanguage;
  copy: BannerCopy;
}
