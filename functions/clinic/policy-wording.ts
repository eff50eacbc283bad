/**
 * What the privacy and cookie policies say about facts the code decides, keyed by the code's own identifiers so
 * that a new tracking service or tracker-free page cannot be added without its wording here (the compiler asks
 * for it). The policies quote these through `{{token}}` and `{{table.*}}` placeholders (src/lib/clinic-tokens.ts,
 * src/lib/policy-blocks.ts); tests/unit/policy-drift.test.ts checks the rendered policies.
 */
import type { consentSettings } from './consent.ts';
import type { Locale } from './locales.ts';
import { retention } from './retention.ts';
import type { ConsentCategory, TrackingServiceId } from './tracking-services.ts';

export interface TrackingServicePolicy {
  /** What the tool collects, in plain words. */
  collects: string;
  /** How its use is limited (see src/scripts/consent/loaders.ts for the settings applied). */
  limits: string;
}

/** One entry per service in tracking-services.ts, in each language. */
export const trackingServicePolicy: Readonly<
  Record<Locale, Readonly<Record<TrackingServiceId, TrackingServicePolicy>>>
> = {
  en: {
    ga4: {
      collects: 'Pages visited, time on pages, device and browser type, approximate location, and how you reached us.',
      limits:
        'Your IP address is used only to estimate a rough location and is not stored. Google signals and ad personalisation are switched off, and only analytics storage is allowed.',
    },
    clarity: {
      collects: 'Clicks, taps, scrolling and mouse movement, and recordings of how pages are used.',
      limits: 'Everything typed into form fields is masked, so it is never recorded. No advertising storage.',
    },
    meta: {
      collects:
        'Pages you visit on our site, with browser, device and IP address, so that visits can be matched to our ads on Facebook and Instagram.',
      limits: 'Used only to measure our ads.',
    },
  },
  hi: {
    ga4: {
      collects:
        'कौन-से पेज देखे गए, हर पेज पर कितना समय लगा, डिवाइस और ब्राउज़र का प्रकार, मोटे तौर पर जगह, और आप हम तक कैसे पहुंचे।',
      limits:
        'आपके IP एड्रेस से सिर्फ़ मोटे तौर पर जगह का अनुमान लगाया जाता है, उसे सहेजा नहीं जाता। Google signals और विज्ञापनों का निजीकरण बंद है, और सिर्फ़ एनालिटिक्स स्टोरेज की अनुमति है।',
    },
    clarity: {
      collects: 'क्लिक, टैप, स्क्रॉल और माउस की हरकत, और पेजों के इस्तेमाल की रिकॉर्डिंग।',
      limits: 'फ़ॉर्म के फ़ील्ड में लिखी हर बात छिपा दी जाती है, इसलिए वह कभी रिकॉर्ड नहीं होती। विज्ञापन के लिए कोई स्टोरेज नहीं।',
    },
    meta: {
      collects:
        'हमारी साइट पर आप कौन-से पेज देखते हैं, ब्राउज़र, डिवाइस और IP एड्रेस के साथ, ताकि विज़िट को Facebook और Instagram पर हमारे विज्ञापनों से मिलाया जा सके।',
      limits: 'सिर्फ़ हमारे विज्ञापनों को मापने के लिए।',
    },
  },
};

/** How the policies and the cookie table name the cookie categories. */
export const consentCategoryNames: Readonly<Record<Locale, Readonly<Record<ConsentCategory, string>>>> = {
  en: { necessary: 'Strictly necessary', analytics: 'Analytics', marketing: 'Marketing' },
  hi: { necessary: 'अत्यंत आवश्यक', analytics: 'एनालिटिक्स', marketing: 'मार्केटिंग' },
};

export type TrackerFreeRoute = (typeof consentSettings.trackerFreeRoutes)[number];

/** How the policies and the banner name each privacy signal the site honours (`consentSettings.privacySignals`). */
export const privacySignalNames: Readonly<Record<(typeof consentSettings.privacySignals)[number], string>> = {
  gpc: 'Global Privacy Control',
  dnt: 'Do Not Track',
};

/** How the policies and notices name each page in `consentSettings.trackerFreeRoutes`, in each language. */
export const trackerFreePageNames: Readonly<Record<Locale, Readonly<Record<TrackerFreeRoute, string>>>> = {
  en: {
    '/book/': 'appointment requests',
    '/newsletter/': 'newsletter sign-up',
    '/privacy-rights/': 'privacy requests',
    '/preferences/': 'your choices (the page our emails link to)',
  },
  hi: {
    '/book/': 'अपॉइंटमेंट का अनुरोध',
    '/newsletter/': 'न्यूज़लेटर के लिए साइन-अप',
    '/privacy-rights/': 'गोपनीयता से जुड़े अनुरोध',
    '/preferences/': 'आपकी पसंद (वह पेज जिसका लिंक हमारे ईमेल में होता है)',
  },
};

/** What the policies say about the Consent Managers the clinic takes consent through, or that there is none yet. */
export const consentManagerStatements: Readonly<Record<Locale, { none: string; some: (managers: string) => string }>> =
  {
    en: {
      none: 'We do not work with a Consent Manager yet; when we do, we will name it here',
      some: (managers) => `We work with ${managers}`,
    },
    hi: {
      none: 'अभी हम किसी Consent Manager के साथ काम नहीं करते; जब करेंगे, तो उसका नाम यहां लिखेंगे',
      some: (managers) => `हम ${managers} के साथ काम करते हैं`,
    },
  };

/**
 * How a parent or guardian's consent to a request for a patient under 18 is verified, and what happens until it
 * is: the booking form's notice, the privacy policy (`{{minors.consentCheck}}`) and the email to the guardian say
 * exactly this (tests/unit/policy-drift.test.ts holds them to it).
 */
export const guardianConsentCheck = `We book an appointment for a patient under 18 only once their parent or guardian's consent is verified: the parent or guardian confirms it through the link we email them, or our front desk confirms it with them by phone or at the clinic. Until then, the patient's details go only to our front desk, who arrange appointments, by email and in the request's record in our CRM, and we send the patient nothing. If the consent is not verified within ${retention.unverifiedMinorRequestDays} days, we delete the request from our website's database and from our CRM.`;

/** The same, in each language: the booking page's notice and the guardian's email say it in the page's. */
export const guardianConsentChecks: Readonly<Record<Locale, string>> = {
  en: guardianConsentCheck,
  hi: `18 साल से कम उम्र के मरीज़ का अपॉइंटमेंट हम तभी तय करते हैं, जब उनके माता-पिता या अभिभावक की सहमति की पुष्टि हो जाए: माता-पिता या अभिभावक हमारे ईमेल किए लिंक से इसकी पुष्टि करते हैं, या हमारा फ़्रंट डेस्क फ़ोन पर या क्लिनिक में उनसे पुष्टि करता है। तब तक मरीज़ की जानकारी सिर्फ़ हमारे फ़्रंट डेस्क के पास जाती है, जो अपॉइंटमेंट तय करता है (ईमेल से, और हमारे CRM में उस अनुरोध के रिकॉर्ड में), और हम मरीज़ को कुछ नहीं भेजते। अगर ${retention.unverifiedMinorRequestDays} दिनों के भीतर सहमति की पुष्टि नहीं होती, तो हम अनुरोध को अपनी वेबसाइट के डेटाबेस और अपने CRM से मिटा देते हैं।`,
};

/** What a parent or guardian confirms, in one step, on the page the emailed link opens. */
export function guardianConsentStatement(patientName: string): string {
  return `I am ${patientName}'s parent or legal guardian and I agree to this request.`;
}

export const guardianConsentStatements: Readonly<Record<Locale, (patientName: string) => string>> = {
  en: guardianConsentStatement,
  hi: (patientName) => `मैं ${patientName} का माता-पिता या क़ानूनी अभिभावक हूं और इस अनुरोध के लिए सहमति देता/देती हूं।`,
};
