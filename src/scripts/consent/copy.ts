import type { ConsentCategory, TrackingServiceId } from '#functions/clinic/tracking-services.ts';

export interface BannerCopy {
  title: string;
  description: string;
  privacySignalNote: string;
  minorNote: string;
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
  policyLinks: string;
  categories: Record<ConsentCategory, { title: string; description: string }>;
  servicePurposes: Record<TrackingServiceId, string>;
}
