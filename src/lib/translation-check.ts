/**
 * Everything the site says in English must be said in Hindi too: the build refuses to start (astro.config.mjs)
 * and tests/unit/translations.test.ts fails while anything below is missing in one language.
 *
 * - Content: every entry has its twin, with the same lists (content-twins.ts).
 * - Pages: every page under src/pages/ has its twin under src/pages/hi/, and the reverse.
 * - Words: each catalogue has the same keys, lists and functions in both languages.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bookingConfirmationWords } from '#functions/delivery/email/templates/booking-confirmation.tsx';
import { bookingDetailsWords } from '#functions/delivery/email/templates/booking-details.tsx';
import { guardianConsentRequestWords } from '#functions/delivery/email/templates/guardian-consent-request.tsx';
import { newsletterConfirmationWords } from '#functions/delivery/email/templates/newsletter-confirmation.tsx';
import { rightsAcknowledgementWords } from '#functions/delivery/email/templates/rights-acknowledgement.tsx';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { englishCopy } from '#src/scripts/consent/copy-en.ts';
import { hindiCopy } from '#src/scripts/consent/copy-hi.ts';
import { contentTwinProblems } from './content-twins.ts';
import { shapeDifferences } from './same-shape.ts';
import { englishUi } from './ui-en.ts';
import { hindiUi } from './ui-hi.ts';

/** The word catalogues, English first, each with where it is written. */
export const catalogues = [
  { name: 'src/lib/ui-*.ts', english: englishUi, hindi: hindiUi },
  { name: 'functions/forms/messages-*.ts', english: englishFormMessages, hindi: hindiFormMessages },
  { name: 'src/scripts/consent/copy-*.ts', english: englishCopy, hindi: hindiCopy },
  ...(
    [
      ['booking-confirmation.tsx', bookingConfirmationWords],
      ['booking-details.tsx', bookingDetailsWords],
      ['guardian-consent-request.tsx', guardianConsentRequestWords],
    ] as const
  ).map(([file, words]) => ({
    name: `functions/delivery/email/templates/${file}`,
    english: words.en as object,
    hindi: words.hi as object,
  })),
  {
    name: 'functions/delivery/email/templates/newsletter-confirmation.tsx',
    english: newsletterConfirmationWords.en,
    hindi: newsletterConfirmationWords.hi,
  },
  {
    name: 'functions/delivery/email/templates/rights-acknowledgement.tsx',
    english: rightsAcknowledgementWords.en,
    hindi: rightsAcknowledgementWords.hi,
  },
];

/** The page files under a folder (Astro pages only: endpoints such as robots.txt.ts are not pages to read). */
function pagesUnder(directory: string, skip: (path: string) => boolean): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro') && !file.split('/').some((part) => part.startsWith('_')))
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => !skip(file));
}

export function pageTwinProblems(root: string): string[] {
  const pages = join(root, 'src/pages');
  const english = pagesUnder(pages, (file) => file.startsWith('hi/'));
  const hindi = pagesUnder(join(pages, 'hi'), () => false);
  const where = (file: string) => relative(root, join(pages, 'hi', file));
  return [
    ...english
      .filter((file) => !hindi.includes(file))
      .map((file) => `${where(file)} is missing (the Hindi twin of src/pages/${file})`),
    ...hindi.filter((file) => !english.includes(file)).map((file) => `${where(file)} has no English page`),
  ];
}

export function translationProblems(root: string): string[] {
  return [
    ...contentTwinProblems(root),
    ...pageTwinProblems(root),
    ...catalogues.flatMap(({ name, english, hindi }) =>
      shapeDifferences(english, hindi, '').map((problem) => `${name} (Hindi): ${problem}`),
    ),
  ];
}
