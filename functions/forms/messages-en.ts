/**
 * The forms' words in English: every message a visitor reads beside a field or above a form, and the forms' own
 * labels, whichever path the form took (the island's JSON post or the plain form post the server answers with the
 * page). messages-hi.ts has the same keys in Hindi; a form is given one catalogue and speaks only its language.
 * The shared field rules are always given their language's group: none defaults to English, so that a page in
 * another language loads none of this catalogue.
 */
import type { Weekday } from '#functions/clinic/clinic.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';

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

const list = (type: 'conjunction' | 'disjunction', words: readonly string[]) =>
  new Intl.ListFormat('en-IN', { type }).format(words);
const onDays = (day: Weekday) => `${day[0]?.toUpperCase()}${day.slice(1)}s`;

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
  booking: {
    treatmentMissing: 'Choose a treatment.',
    branchMissing: 'Choose a clinic.',
    preferredDateMissing: 'Choose a preferred date.',
    preferredDatePast: 'Choose today or a later date.',
    preferredDateTooFar: (maxDaysAhead: number) => `Choose a date within the next ${maxDaysAhead} days.`,
    timeWindowMissing: 'Choose morning, afternoon or evening.',
    fullNameMissing: 'Enter your full name.',
    mobileMissing: 'Enter your mobile number.',
    guardianMobileMissing: "Enter the parent or guardian's mobile number.",
    emailMissing: 'Enter your email address.',
    privacyNoticeMissing: 'Please confirm that you have read the privacy notice.',
    emailForNews: 'Enter your email address to get our news by email, or untick that box.',
    patientMobileInvalid: "Enter the patient's mobile number, or leave it empty.",
    guardianNameMissing: "Enter the parent or guardian's full name.",
    guardianRelationshipMissing: 'Choose parent or legal guardian.',
    guardianConsentMissing: 'A parent or guardian must agree before we can take a request for someone under 18.',
    guardianDetailsMissing: "Enter the parent or guardian's details.",
    branchLacksSpecialty: (branch: string, specialty: string) =>
      `Our ${branch} clinic doesn't offer ${specialty.toLowerCase()}. Choose another clinic.`,
    branchClosed: (branch: string, day: Weekday) =>
      `Our ${branch} clinic is closed on ${onDays(day)}. Choose another day.`,
    branchOpenOnly: (branch: string, day: Weekday, open: readonly TimeWindowId[]) =>
      `On ${onDays(day)}, our ${branch} clinic is open only in the ${list('conjunction', open)}. Choose ${list('disjunction', open)}.`,
    labels: {
      appointment: 'Your appointment',
      treatment: 'Treatment',
      chooseTreatment: 'Choose a treatment',
      branch: 'Clinic',
      branchHintFor: (specialty: string) => `The clinics that offer ${specialty.toLowerCase()}.`,
      branchHint: (offers: string) => `Not every clinic offers every specialty. ${offers}.`,
      chooseBranch: 'Choose a clinic',
      preferredDate: 'Preferred date',
      preferredDateHint: (maxDaysAhead: number, openDays: string | undefined) =>
        `Within ${maxDaysAhead} days, on a day the clinic is open${openDays ? ` (${openDays})` : ''}. We confirm the exact time.`,
      timeWindow: 'Preferred time of day',
      patient: 'The patient, and how to reach you',
      fullName: 'Full name',
      mobile: 'Mobile number',
      guardianMobile: "Parent or guardian's mobile number",
      mobileHint:
        "The patient's, or a parent or guardian's if the patient is under 18. An Indian mobile number, or an international one starting with +",
      guardianMobileHint:
        'The patient is under 18, so we call their parent or guardian. An Indian mobile number, or an international one starting with +',
      email: 'Email',
      guardianEmail: "Parent or guardian's email",
      emailHint:
        "For a confirmation email. If the patient is under 18, give a parent or guardian's: we email them a link to confirm their consent.",
      guardianEmailHint: 'We email them a link to confirm their consent. Without an email, we confirm it on our call.',
      dateOfBirth: 'Date of birth',
      dateOfBirthHint: "Patients under 18 need a parent or guardian's details and consent.",
      helpText: 'What would you like help with?',
      helpTextHint: (maxLength: number) =>
        `A few words for the front desk, up to ${maxLength} characters; no medical reports, please.`,
      guardian: 'Parent or guardian',
      guardianWithoutScript: 'Parent or guardian (only if the patient is under 18)',
      guardianIntro:
        "The patient is under 18, so we need a parent or legal guardian's details and consent. The mobile number and email above are theirs.",
      guardianName: "Parent or guardian's full name",
      relationship: 'Relationship to the patient',
      chooseRelationship: 'Choose',
      relationships: { parent: 'Parent', 'legal-guardian': 'Legal guardian' },
      patientMobile: "The patient's own mobile number",
      patientMobileHint:
        'Only if our front desk may also call the patient on it. It goes to the front desk only, never to our CRM.',
      guardianConsent:
        "I am the patient's parent or legal guardian and I consent to this booking request and to the clinic using these details to arrange the appointment. We then ask you to confirm this, by email or on our call.",
      choices: 'Your choices',
      privacyNotice: { before: 'I have read the ', link: 'privacy notice for booking requests', after: ' (required).' },
      whatsappUpdates: 'Send me appointment updates on WhatsApp (optional).',
      noNewsForMinors: 'We never send clinic news or offers to patients under 18.',
      emailNews: 'Email me clinic news and offers (optional; unsubscribe any time).',
      emailNewsWithoutScript: ' We never send marketing to patients under 18.',
      submit: 'Send booking request',
      submitting: 'Sending…',
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
