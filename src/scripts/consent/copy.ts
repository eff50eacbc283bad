import type { ConsentCategory, TrackingServiceId } from '#functions/clinic/tracking-services.ts';

export interface BannerCopy {
  title: string;
  description: string;
  /** Replaces the description when the browser sends a privacy signal (its name is given). */
  signalDescription: (signal: string) => string;
  /** Added to the preferences' introduction when the browser sends a privacy signal. */
  signalPreferencesNote: (signal: string) => string;
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
  complaints: (board: { name: string; website: string }) => string;
  /** The confirmation once a choice is saved, followed by each category and whether it is on. */
  saved: string;
  on: string;
  off: string;
  /** Added to the confirmation when a privacy signal kept marketing off under "Accept all". */
  savedSignalNote: string;
  categories: Record<ConsentCategory, { title: string; description: string }>;
  servicePurposes: Record<TrackingServiceId, string>;
}
