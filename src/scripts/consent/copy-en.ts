import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import type { BannerCopy } from './copy.ts';

export const englishCopy: BannerCopy = {
  title: 'Your choice about cookies',
  description:
    'May we count visits to learn which pages help patients, and measure whether our adverts work? Nothing loads unless you agree, and never on our form pages.',
  signalDescription:
    'Your browser sent {signal}, so marketing stays off, even if you accept all. May we count visits to learn which pages help patients?',
  signalPreferencesNote:
    '<br><br><strong>Your browser sent {signal}, so "Accept all" leaves marketing off. To allow marketing all the same, switch it on below and save your choices.</strong>',
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
  policyLinks:
    '<span class="cc-links"><a href="/cookie-policy/">Cookie policy</a><a href="/privacy-policy/">Privacy policy</a><a href="/privacy-rights/">Your privacy rights</a></span>',
  complaints: `Questions or complaints: write to our <a href="/privacy-policy/#grievances-and-complaints">Grievance Officer</a>. If we cannot settle your complaint, you can take it to the <a href="${dataProtectionBoard.website}">${dataProtectionBoard.name}</a> online.`,
  saved: 'Your cookie choices are saved.',
  on: 'on',
  off: 'off',
  savedSignalNote: 'Marketing stays off because your browser sent a privacy signal.',
  categories: {
    necessary: {
      title: 'Strictly necessary',
      description:
        'Remember your cookie choices and, if you choose one, the language you read the site in. Always on; they hold no personal details.',
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
