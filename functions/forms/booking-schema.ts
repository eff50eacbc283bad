/**
 * The booking request form: one schema for the browser (react-hook-form's resolver) and the server, so
 * both report the same message on the same field. Build it with `createBookingSchema`, as the treatments
 * come from the content collection and "today" from `todayInClinic`.
 *
 * The form's `mobile` and `email` are how the clinic reaches whoever it deals with about the request: the
 * patient, or for a patient under 18 their parent or guardian, whose they then are in the parsed request
 * (`guardian.mobile`, `guardian.email`). A patient under 18 may give their own mobile too (`patientMobile`).
 */
import * as z from 'zod/mini';
import { findBranch, openTimeWindows } from '#functions/clinic/availability.ts';
import { type BranchId, branchIds, clinic, type SpecialtyId, specialties } from '#functions/clinic/clinic.ts';
import { addDaysTo, isCalendarDate, weekdayOf } from '#functions/clinic/dates.ts';
import { guardianRelationshipIds } from '#functions/clinic/form-choices.ts';
import { type TimeWindowId, timeWindowIds } from '#functions/clinic/time-windows.ts';
import type { Attribution, BookingRequestDetails } from '#functions/outbox/jobs.ts';
import { isMinor } from './age.ts';
import { attributionField } from './attribution.ts';
import {
  calendarDateField,
  dateOfBirthField,
  emailField,
  formObjectError,
  optionalInput,
  personNameField,
  requiredTick,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import { type MobileNumberParser, mobileNumberField } from './mobile-number.ts';

export const maxDaysAhead = 90;
export const maxHelpTextLength = 500;

export interface BookableTreatment {
  id: string;
  specialty: SpecialtyId;
  title: string;
}

export interface BookingSchemaOptions {
  /** The treatments that can be booked, from the `treatments` collection. */
  treatments: readonly BookableTreatment[];
  /** The clinic's today (`todayInClinic(new Date())`): the earliest preferred date and the day ages are taken on. */
  today: string;
  /** `toMobileE164` on the server, `plausibleMobileNumber` in the browser (see mobile-number.ts). */
  parseMobile: MobileNumberParser;
}

const guardianSchema = z.strictObject(
  {
    name: personNameField("Enter the parent or guardian's full name."),
    relationship: z.enum(guardianRelationshipIds, { error: 'Choose parent or legal guardian.' }),
    consent: requiredTick('A parent or guardian must agree before we can take a request for someone under 18.'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? "Enter the parent or guardian's details." : undefined) },
);

export type GuardianFormValues = z.input<typeof guardianSchema>;
/** A patient under 18's parent or legal guardian: the person the clinic deals with about the request. */
export type Guardian = z.output<typeof guardianSchema> & { mobile: string; email?: string };

const contactMobileMessages = {
  patient: 'Enter your mobile number.',
  guardian: "Enter the parent or guardian's mobile number.",
};

export interface BookingConsents {
  privacyNotice: true;
  /** Updates about this request on WhatsApp. */
  whatsappUpdates: boolean;
  /** The clinic's news by email: marketing, so never for a minor. */
  emailNews: boolean;
}

interface BookingDetails extends BookingRequestDetails {
  /** The treatment's name as the site showed it when the request was made. */
  treatmentTitle: string;
  branch: BranchId;
}

export interface AdultBookingRequest extends BookingDetails {
  isMinor: false;
  /** E.164 */
  mobile: string;
  /** Lowercased. */
  email?: string;
  consents: BookingConsents;
  /** Only when the form's browser allowed marketing cookies as it sent the request (`marketingCookies`). */
  attribution?: Attribution;
  marketingCookies?: true;
}

/**
 * Under 18 on the day of the request: the clinic deals with the parent or guardian, whose consent is verified
 * before the request goes further, and marketing never uses the data.
 */
export interface MinorBookingRequest extends BookingDetails {
  isMinor: true;
  /** The patient's own mobile, if given (E.164): for the front desk only, never for the CRM. */
  mobile?: string;
  guardian: Guardian;
  consents: BookingConsents & { emailNews: false };
}

export type BookingRequest = AdultBookingRequest | MinorBookingRequest;

const listFormat = (type: 'conjunction' | 'disjunction') => new Intl.ListFormat(clinic.locale, { type });
const capitalised = (word: string) => `${word[0]?.toUpperCase()}${word.slice(1)}`;

// The cross-field rules. Each reads only the fields `whenFieldsValid` names where it is attached.
type RuleContext = z.core.$RefinementCtx<unknown>;

function checkBranchOffersTreatment(
  { branch: branchId, treatment }: { branch: BranchId; treatment: string },
  context: RuleContext,
  specialtyOf: ReadonlyMap<string, SpecialtyId>,
) {
  const specialty = specialtyOf.get(treatment);
  const branch = findBranch(branchId);
  if (specialty && !(branch.specialties as readonly SpecialtyId[]).includes(specialty)) {
    context.addIssue({
      code: 'custom',
      path: ['branch'],
      message: `Our ${branch.name} clinic doesn't offer ${specialties[specialty].label.toLowerCase()}. Choose another clinic.`,
    });
  }
}

function checkBranchIsOpen(
  {
    branch: branchId,
    preferredDate,
    timeWindow,
  }: { branch: BranchId; preferredDate: string; timeWindow: TimeWindowId },
  context: RuleContext,
) {
  const branch = findBranch(branchId);
  const open = openTimeWindows(branch, preferredDate);
  const days = `${capitalised(weekdayOf(preferredDate))}s`;
  if (open.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['preferredDate'],
      message: `Our ${branch.name} clinic is closed on ${days}. Choose another day.`,
    });
  } else if (!open.includes(timeWindow)) {
    const onlyIn = listFormat('conjunction').format(open);
    context.addIssue({
      code: 'custom',
      path: ['timeWindow'],
      message: `On ${days}, our ${branch.name} clinic is open only in the ${onlyIn}. Choose ${listFormat('disjunction').format(open)}.`,
    });
  }
}

/**
 * A minor needs a guardian: each missing or invalid guardian field is reported under `guardian.`; the patient's own
 * mobile, which only a minor's request takes, is checked too.
 */
function checkGuardianOfMinor(
  { dateOfBirth, guardian, patientMobile }: { dateOfBirth: string; guardian?: unknown; patientMobile?: unknown },
  context: RuleContext,
  today: string,
  patientMobileSchema: PatientMobileSchema,
) {
  if (!isMinor(dateOfBirth, today)) return;
  for (const issue of guardianSchema.safeParse(guardian ?? {}).error?.issues ?? []) {
    context.addIssue({ ...issue, path: ['guardian', ...issue.path] });
  }
  for (const issue of patientMobileSchema.safeParse(patientMobile).error?.issues ?? []) {
    context.addIssue({ ...issue, path: ['patientMobile', ...issue.path] });
  }
}

/** The mobile is always required: the patient's, or for a patient under 18 (as far as the form can tell) a guardian's. */
function checkContactMobile(
  { mobile, dateOfBirth }: { mobile?: string | undefined; dateOfBirth?: unknown },
  context: RuleContext,
  today: string,
) {
  if (mobile) return;
  const minor = typeof dateOfBirth === 'string' && isCalendarDate(dateOfBirth) && isMinor(dateOfBirth, today);
  context.addIssue({
    code: 'custom',
    path: ['mobile'],
    message: minor ? contactMobileMessages.guardian : contactMobileMessages.patient,
  });
}

function checkEmailForNews(
  {
    consents,
    email,
    dateOfBirth,
  }: { consents: { emailNews: boolean }; email?: string | undefined; dateOfBirth: string },
  context: RuleContext,
  today: string,
) {
  // A minor's tick is ignored (news is marketing), so it needs no address either.
  if (consents.emailNews && !email && !isMinor(dateOfBirth, today)) {
    context.addIssue({
      code: 'custom',
      path: ['email'],
      message: 'Enter your email address to get our news by email, or untick that box.',
    });
  }
}

export function createBookingSchema({ treatments, today, parseMobile }: BookingSchemaOptions) {
  const specialtyOf = new Map(treatments.map((treatment) => [treatment.id, treatment.specialty]));
  const titleOf = new Map(treatments.map((treatment) => [treatment.id, treatment.title]));
  const [firstTreatment, ...otherTreatments] = specialtyOf.keys();
  if (firstTreatment === undefined) throw new Error('createBookingSchema needs at least one treatment');
  const latestPreferredDate = addDaysTo(today, maxDaysAhead);
  const patientMobileSchema = createPatientMobileSchema(parseMobile);

  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField,
          treatment: z.enum([firstTreatment, ...otherTreatments], { error: 'Choose a treatment.' }),
          branch: z.enum(branchIds, { error: 'Choose a clinic.' }),
          preferredDate: calendarDateField('Choose a preferred date.').check(
            z.refine((date) => date >= today, 'Choose today or a later date.'),
            z.refine((date) => date <= latestPreferredDate, `Choose a date within the next ${maxDaysAhead} days.`),
          ),
          timeWindow: z.enum(timeWindowIds, { error: 'Choose morning, afternoon or evening.' }),
          fullName: personNameField('Enter your full name.'),
          // Required, with a message that depends on the age: see checkContactMobile.
          mobile: optionalInput(mobileNumberField(contactMobileMessages.patient, parseMobile)),
          email: optionalInput(emailField('Enter your email address.')),
          dateOfBirth: dateOfBirthField(today),
          helpText: optionalInput(
            z.string().check(z.trim(), z.maxLength(maxHelpTextLength, `Use at most ${maxHelpTextLength} characters.`)),
          ),
          consents: z.prefault(
            z.strictObject({
              privacyNotice: requiredTick('Please confirm that you have read the privacy notice.'),
              whatsappUpdates: z._default(z.boolean(), false),
              emailNews: z._default(z.boolean(), false),
            }),
            { privacyNotice: false },
          ),
          // Checked by checkGuardianOfMinor, for a minor only: an adult's leftover entries are ignored.
          guardian: z.optional(z.custom<Partial<GuardianFormValues>>()),
          patientMobile: z.optional(z.custom<string | null>()),
          attribution: attributionField,
          // The browser's consent record allows marketing cookies: without it, attribution is dropped.
          marketingCookies: z.optional(z.boolean()),
        },
        formObjectError,
      )
      .check(
        z.superRefine(
          (booking, context) => checkBranchOffersTreatment(booking, context, specialtyOf),
          whenFieldsValid('treatment', 'branch'),
        ),
        z.superRefine(checkBranchIsOpen, whenFieldsValid('branch', 'preferredDate', 'timeWindow')),
        z.superRefine((booking, context) => checkContactMobile(booking, context, today), whenFieldsValid('mobile')),
        z.superRefine(
          (booking, context) => checkGuardianOfMinor(booking, context, today, patientMobileSchema),
          whenFieldsValid('dateOfBirth'),
        ),
        z.superRefine(
          (booking, context) => checkEmailForNews(booking, context, today),
          whenFieldsValid('email', 'consents', 'dateOfBirth'),
        ),
      ),
    z.transform(
      ({
        guardian,
        patientMobile,
        attribution,
        marketingCookies,
        consents,
        mobile = '',
        email,
        helpText,
        ...details
      }): BookingRequest => {
        const common = {
          ...details,
          treatmentTitle: titleOf.get(details.treatment) ?? details.treatment,
          ...(helpText && { helpText }),
        };
        if (isMinor(details.dateOfBirth, today)) {
          const ownMobile = patientMobileSchema.parse(patientMobile);
          return {
            ...common,
            ...(ownMobile && { mobile: ownMobile }),
            isMinor: true,
            guardian: { ...guardianSchema.parse(guardian), mobile, ...(email && { email }) },
            consents: { ...consents, emailNews: false },
          };
        }
        return {
          ...common,
          mobile,
          ...(email && { email }),
          isMinor: false,
          consents,
          ...(attribution && marketingCookies === true && { attribution, marketingCookies }),
        };
      },
    ),
  );
}

function createPatientMobileSchema(parseMobile: MobileNumberParser) {
  return optionalInput(mobileNumberField("Enter the patient's mobile number, or leave it empty.", parseMobile));
}
type PatientMobileSchema = ReturnType<typeof createPatientMobileSchema>;

export type BookingSchema = ReturnType<typeof createBookingSchema>;
/** What the form holds and posts: post these values, not the parsed `BookingRequest`. */
export type BookingFormValues = z.input<BookingSchema>;
