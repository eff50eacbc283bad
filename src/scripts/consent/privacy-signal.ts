import { consentSettings, type PrivacySignal } from '#functions/clinic/consent.ts';

interface SignallingNavigator {
  globalPrivacyControl?: boolean;
  doNotTrack?: string | null;
}

/** The first privacy signal the site honours that this browser sends (Global Privacy Control before Do Not Track). */
export function privacySignalOf(browser: SignallingNavigator): PrivacySignal {
  const sent = { gpc: browser.globalPrivacyControl === true, dnt: browser.doNotTrack === '1' };
  return consentSettings.privacySignals.find((signal) => sent[signal]) ?? 'none';
}
