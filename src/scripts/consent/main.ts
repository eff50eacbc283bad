import 'vanilla-cookieconsent/dist/cookieconsent.css';
import './theme.css';
import * as CookieConsent from 'vanilla-cookieconsent';
import { consentCookie, type TrackingServiceId } from '#functions/clinic/tracking-services.ts';
import { activeServices, trackingIds } from '#src/lib/tracking-ids.ts';
import { buildBannerConfig } from './banner-config.ts';
import { createTrackingController } from './controller.ts';
import { allowedParams, isAllowedEvent, sendEvent } from './events.ts';
import { forgetArrival, minorVisitorFlagged } from './handoff.ts';
import { type ReceiptSource, receiptFor, sendReceipt } from './receipt.ts';
import { storedMinorFlag } from './stored-consent.ts';

const privacySignal =
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true ||
  navigator.doNotTrack === '1';
const controller = createTrackingController(activeServices, trackingIds, window.location.pathname);

const minorFlagInCookie = () => storedMinorFlag(document.cookie, consentCookie.name);
// A lead form on a tracker-free page may have shown the visitor is under 18 (handoff.ts): nothing loads then.
const minorInThisPage = minorFlagInCookie() || minorVisitorFlagged();
let receiptsSent = 0;

const currentState = () => ({
  acceptedServices: new Set(
    Object.values(CookieConsent.getUserPreferences().acceptedServices).flat() as TrackingServiceId[],
  ),
  minor: minorInThisPage,
});
// Taken before a tracker's grant strips the query string that carries the campaign tags.
const arrivalUrl = new URL(window.location.href);
const applyChoice = () => {
  if (CookieConsent.acceptedCategory('marketing') && !minorInThisPage) {
    import('./arrival.ts').then((arrival) => arrival.rememberArrival(arrivalUrl, document.referrer));
  } else {
    forgetArrival();
  }
  controller.apply(currentState());
};
const receiptSource = (): ReceiptSource => (minorInThisPage ? 'minor' : privacySignal ? 'gpc' : 'banner');
const recordChoice = () => {
  receiptsSent += 1;
  sendReceipt(receiptFor(CookieConsent.getCookie(), CookieConsent.getUserPreferences().acceptType, receiptSource()));
};
const onlyNecessaryAccepted = () => CookieConsent.getUserPreferences().acceptedCategories.length <= 1;

CookieConsent.run(
  buildBannerConfig({
    services: activeServices,
    privacySignal,
    minor: minorInThisPage,
    secureCookie: window.location.protocol === 'https:',
    callbacks: {
      onFirstConsent: recordChoice,
      onConsent: () => applyChoice(),
      onChange: () => {
        // Once a form has shown the visitor is under 18, no later click turns tracking back on here.
        if (minorInThisPage && !onlyNecessaryAccepted()) {
          // Deferred: the library saves the cookie again after this callback returns.
          setTimeout(() => CookieConsent.acceptCategory([]));
          return;
        }
        applyChoice();
        recordChoice();
      },
    },
  }),
).then(() => {
  if (minorInThisPage && !minorFlagInCookie()) recordMinorChoice();
  // The tracker-free pages' "Cookie settings" link lands here.
  if (window.location.hash === '#cookie-settings') CookieConsent.showPreferences();
});

/** Analytics and marketing off for good, recorded in the consent cookie for the pages to come. */
function recordMinorChoice() {
  const receiptsBefore = receiptsSent;
  CookieConsent.acceptCategory([]);
  CookieConsent.setCookieData({ value: { minor: true }, mode: 'update' });
  if (receiptsSent === receiptsBefore) {
    applyChoice();
    recordChoice();
  }
}

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-track-event]');
  const name = target?.dataset.trackEvent;
  if (target && name && isAllowedEvent(name)) {
    sendEvent(controller.granted, name, allowedParams(name, { specialty: target.dataset.trackSpecialty }));
  }
});
