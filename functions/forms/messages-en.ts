/**
 * The forms' words in English: every message a visitor reads beside a field or above a form, and the forms' own
 * labels, whichever path the form took (the island's JSON post or the plain form post the server answers with the
 * page). messages-hi.ts has the same keys in Hindi; a form is given one catalogue and speaks only its language.
 * Each group is its own export, so that a shared field rule can default to its English group without bringing the
 * whole catalogue into a page in another language.
 */
import type { Locale } from '#functions/clinic/locales.ts';

/** The shared field rules (fields.ts). */
export const englishFieldMessages = {
  submissionOutdated: 'This form is out of date. Reload the page and try again.',
  nameTooShort: 'Enter at least 2 characters.',
  nameTooLong: 'Use at most 100 characters.',
  nameCharacters: "Use letters, spaces and . ' - only.",
  emailTooLong: 'An email address has at most 254 characters.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  dateInvalid: 'Enter a real date, as YYYY-MM-DD.',
  dateOfBirthMissing: 'Enter your date of birth.',
  dateOfBirthFuture: "A date of birth can't be in the future.",
  /** A date or year of birth further back than anyone lives. */
  bornTooLongAgo: (maxAgeYears: number) => `Check the year: that is more than ${maxAgeYears} years ago.`,
  textTooLong: (maxLength: number) => `Use at most ${maxLength} characters.`,
};

/** The mobile number field (mobile-number.ts), by the problem the parser found. */
export const englishMobileMessages = {
  characters: 'Use digits only, with spaces or dashes if you like, and + before a country code.',
  tooShort: 'This number is too short. Check the digits.',
  tooLong: 'This number is too long. Check the digits.',
  invalidCountry: 'Check the country code after the +.',
  notMobile:
    'This is not a valid mobile number. Check the digits; a number from outside India starts with + and its country code.',
};

/** Why a form was not taken, when no field is to blame. */
export const englishSubmissionMessages = {
  rateLimited: (retryAfterSeconds: number) => {
    const count = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return `Too many requests from this connection. Please wait ${count} ${count === 1 ? 'minute' : 'minutes'}, or call us.`;
  },
  serverError: 'Something went wrong on our side. Please send again, or call us.',
  unreachable:
    "We couldn't reach the clinic's website. Check your connection and send again: sending twice never books twice.",
  unreadable: 'We could not read what your browser sent. Please send the form again, or call us.',
};

/** What every form's frame says: a field's "(optional)", the error summary, the honeypot's label. */
export const englishFormChrome = {
  optional: ' (optional)',
  errorPrefix: 'Error: ',
  summaryTitle: (count: number) =>
    count === 1 ? 'There is a problem with your request' : `There are ${count} problems with your request`,
  honeypot: 'Leave this field empty',
};

export const englishFormMessages = {
  /** The language the catalogue is in: the forms post it, and the lead records it. */
  locale: 'en' as Locale,
  fields: englishFieldMessages,
  mobile: englishMobileMessages,
  submission: englishSubmissionMessages,
  chrome: englishFormChrome,
  newsletter: {
    emailMissing: 'Enter your email address.',
    birthYearMissing: (exampleYear: number) => `Enter the year you were born, like ${exampleYear}.`,
    birthYearFuture: "A birth year can't be in the future.",
    consentMissing: 'Tick the box to agree to receive our newsletter.',
    minor: "We can't sign up anyone under 18. A parent or guardian is welcome to subscribe with their own email.",
    fullDateNeeded: 'If you turn 18 this year, we need your full date of birth to check that you are 18 already.',
    labels: {
      email: 'Email',
      birthYear: 'Year of birth',
      birthYearHint: 'Our newsletter is for adults: we check your age and do not keep it.',
      dateOfBirth: 'Date of birth',
      dateOfBirthHintTurning18: 'You turn 18 this year, so we need the full date to check you are 18 already.',
      dateOfBirthHint: 'Only if you turn 18 this year.',
      consent: "Email me the clinic's newsletter: care tips, new treatments and offers. I can unsubscribe at any time.",
      submit: 'Sign up',
      submitting: 'Signing up…',
    },
  },
  rightsRequest: {
    requestTypeMissing: 'Choose what you would like us to do.',
    fullNameMissing: 'Enter your full name.',
    emailMissing: 'Enter your email address.',
    mobileMissing: 'Enter your mobile number.',
    requesterRoleMissing: 'Choose whose information this is about.',
    subjectNameMissing: "Enter the person's full name.",
    contactMissing: 'Enter an email address or a mobile number, so we can find your records and reply.',
    subjectMissing: 'Enter the full name of the person this request is about.',
    labels: {
      yourRequest: 'Your request',
      requestType: 'What would you like us to do?',
      details: 'Details',
      detailsHint: (maxLength: number) =>
        `What should we know to act on it: for a correction, what is wrong; for a complaint, what happened. Up to ${maxLength} characters; please do not include medical reports.`,
      aboutYou: 'About you',
      fullName: 'Your full name',
      email: 'Email',
      emailHint:
        'Give an email address, a mobile number, or both: the ones you used with us help us find your records.',
      mobile: 'Mobile number',
      mobileHint: 'An Indian mobile number, or an international one starting with +',
      requesterRole: 'Whose information is this about?',
      subjectName: 'Their full name',
      subjectNameHint:
        'We will ask you for proof that you may act for them, such as a birth certificate or a signed authorisation.',
      subjectNameHintWithoutScript:
        'Only if the request is about someone else. We will ask for proof that you may act for them.',
      submit: 'Send my request',
      submitting: 'Sending…',
    },
  },
};

export type FormMessages = typeof englishFormMessages;
export type FieldMessages = FormMessages['fields'];
export type MobileMessages = FormMessages['mobile'];
export type SubmissionMessages = FormMessages['submission'];
export type FormChrome = FormMessages['chrome'];
