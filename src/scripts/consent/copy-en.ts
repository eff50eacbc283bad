import type { BannerCopy } from './copy.ts';

export const englishCopy: BannerCopy = {
  title: 'Your choice about cookies',
  description:
    'We would like to use analytics to see which pages help patients, and advertising measurement to know if our adverts work. Nothing is loaded unless you agree, and never on booking pages.',
  privacySignalNote:
    'Your browser sent a privacy signal (Global Privacy Control or Do Not Track), so marketing stays off unless you switch it on yourself.',
  minorNote: 'Analytics and marketing are switched off in this browser because a form showed the visitor is under 18.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  managePreferences: 'Manage preferences',
  savePreferences: 'Save my choices',
  preferencesTitle: 'Cookie settings',
  close: 'Close',
  closeAndReject: 'Close and reject optional cookies',
  serviceCounter: 'service|services',
  intro:
    'Choose what this site may use. You can change your mind at any time with the "Cookie settings" link at the bottom of every page; switching a category off deletes its cookies straight away.',
  cookiesLabel: 'Cookies',
  policyLinks: '<a href="/cookie-policy/">Cookie policy</a> · <a href="/privacy-policy/">Privacy policy</a>',
  categories: {
    necessary: {
      title: 'Strictly necessary',
      description: 'Remembers your cookie choices. Always on; holds no personal details.',
    },
    analytics: {
      title: 'Analytics',
      description: 'Counts visits and finds confusing pages. Form fields are never recorded.',
    },
    marketing: {
      title: 'Marketing',
      description: 'Measures whether our adverts on other sites lead people here.',
    },
  },
  servicePurposes: {
    ga4: 'Counts visits and the pages viewed.',
    clarity: 'Records clicks and scrolling, with every form field masked.',
    meta: 'Measures whether our Facebook and Instagram adverts lead people to the site.',
  },
};
