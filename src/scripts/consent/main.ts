import 'vanilla-cookieconsent/dist/cookieconsent.css';
import './theme.css';
import * as CookieConsent from 'vanilla-cookieconsent';
import { consentSettings } from '#functions/clinic/consent.ts';
import { consentCookie, type TrackingServiceId } from '#functions/clinic/tracking-services.ts';
import { activeServices, trackingIds } from '#src/lib/tracking-ids.ts';
import { buildBannerConfig } from './banner-config.ts';
import { bannerCopyId, type PageBannerCopy } from './copy.ts';
import { forgetArrival, minorVisitorFlagged } from './handoff.ts';
import { privacySignalOf } from './privacy-signal.ts';
import { type ReceiptSource, receiptFor, sendReceipt } from './receipt.ts';
import { storedMinorFlag } from './stored-consent.ts';

// The page carries the banner's words in its own language (BaseLayout).
const { language, copy }: PageBannerCopy = JSON.parse(document.getElementById(bannerCopyId)?.textContent ?? '{}');
const privacySignal = privacySignalOf(navigator as Navigator & { globalPrivacyControl?: boolean });
// The trackers' loaders arrive with the first choice that needs them: nothing on a page asks for them before.
let controller: Promise<import('./controller.ts').TrackingController> | undefined;
const trackingController = () => {
  controller ??= import('./controller.ts').then((module) =>
    module.createTrackingController(activeServices, trackingIds, window.location.pathname),
  );
  return controller;
};

const minorFlagInCookie = () => storedMinorFlag(document.cookie, consentCookie.name);
// A lead form on a tracker-free page may have shown the visitor is under 18 (handoff.ts): nothing loads then.
const minorInThisPage = minorFlagInCookie() || minorVisitorFlagged();
let receiptsSent = 0;
/** Set when a privacy signal turned "Accept all" into everything but the categories it refuses. */
let narrowedBySignal = false;

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
  const state = currentState();
  // Nothing granted and nothing loaded yet: there is nothing to load or withdraw.
  if (state.acceptedServices.size > 0 || controller) trackingController().then((tracking) => tracking.apply(state));
};
const receiptSource = (): ReceiptSource => (minorInThisPage ? 'minor' : narrowedBySignal ? 'gpc' : 'banner');
const recordChoice = () => {
  receiptsSent += 1;
  sendReceipt(
    receiptFor(
      CookieConsent.getCookie(),
      CookieConsent.getUserPreferences().acceptType,
      receiptSource(),
      privacySignal,
    ),
  );
};
const onlyNecessaryAccepted = () => CookieConsent.getUserPreferences().acceptedCategories.length <= 1;

CookieConsent.run(
  buildBannerConfig({
    language,
    copy,
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
      onModalReady: ({ modalName, modal }) => {
        // The banner leaves the page usable beside it, so it is not a modal dialog (the preferences are).
        if (modalName === 'consentModal') modal.removeAttribute('aria-modal');
      },
      onModalShow: ({ modalName }) => {
        if (modalName === 'consentModal') reserveSpaceForBanner();
      },
    },
  }),
).then(() => {
  if (minorInThisPage && (!minorFlagInCookie() || !CookieConsent.validConsent())) recordMinorChoice();
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

/**
 * With a privacy signal, both "Accept all" buttons accept everything except what the signal refuses. Caught before
 * the library's own handler (capture phase), so the refused categories are never stored as accepted, even briefly.
 */
if (privacySignal !== 'none') {
  document.addEventListener(
    'click',
    (event) => {
      if (!(event.target as Element | null)?.closest?.('#cc-main [data-role="all"]')) return;
      event.stopPropagation();
      CookieConsent.hide();
      CookieConsent.hidePreferences();
      // Listed rather than 'all' with exclusions, which would still enable the excluded categories' services. The
      // library runs the callbacks (and so recordChoice) before acceptCategory returns.
      narrowedBySignal = true;
      CookieConsent.acceptCategory([
        'necessary',
        ...activeServices
          .map((service) => service.category)
          .filter((category) => !(consentSettings.privacySignalRefuses as readonly string[]).includes(category)),
      ]);
      narrowedBySignal = false;
      confirmSaved();
    },
    true,
  );
}

// Every button that saves a choice (Accept all, Reject all, Save my choices, the banner's close-and-reject) is
// answered with a confirmation, a choice that changes nothing included; after the library has saved it.
document.addEventListener('click', (event) => {
  if (
    (event.target as Element | null)?.closest?.(
      '#cc-main :is([data-role="all"], [data-role="necessary"], [data-role="save"], .cm__btn--close)',
    )
  ) {
    setTimeout(confirmSaved);
  }
});

/** Room below the page for the banner, so the page's last lines and its footer links can scroll above it. */
function reserveSpaceForBanner() {
  const banner = document.querySelector<HTMLElement>('#cc-main .cm');
  document.documentElement.style.setProperty('--cc-banner-space', `${banner?.offsetHeight ?? 0}px`);
}
window.addEventListener('resize', reserveSpaceForBanner);

let clearSaved: ReturnType<typeof setTimeout> | undefined;
/** Says that the choice is saved and what it is, in a live region, for a few seconds. */
function confirmSaved() {
  const status =
    document.getElementById('cc-saved') ??
    Object.assign(document.body.appendChild(document.createElement('p')), { id: 'cc-saved', role: 'status' });
  const categories = (['analytics', 'marketing'] as const).filter((category) =>
    activeServices.some((service) => service.category === category),
  );
  status.textContent = '';
  const choice = categories.map(
    (category) =>
      `${copy.categories[category].title}: ${CookieConsent.acceptedCategory(category) ? copy.on : copy.off}.`,
  );
  requestAnimationFrame(() => {
    const keptOff = privacySignal !== 'none' && !CookieConsent.acceptedCategory('marketing');
    status.textContent = [copy.saved, ...choice, keptOff ? copy.savedSignalNote : ''].join(' ');
  });
  clearTimeout(clearSaved);
  clearSaved = setTimeout(() => {
    status.textContent = '';
  }, 8000);
}
