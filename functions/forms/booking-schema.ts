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
import { type BranchId, branchIds, type SpecialtyId } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { addDaysTo, isCalendarDate, weekdayOf } from '#functions/clinic/dates.ts';
import { guardianRelationshipIds } from '#functions/clinic/form-choices.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import { type TimeWindowId, timeWindowIds } from '#functions/clinic/time-windows.ts';
import type { Attribution, BookingRequestDetails } from '#functions/outbox/jobs.ts';
import { isMinor } from './age.ts';
import { attributionField } from './attribution.ts';
import {
  calendarDateField,
  dateOfBirthField,
  emailField,
  formObjectError,
  localeField,
  optionalInput,
  personNameField,
  requiredTick,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import type { FormMessages } from './messages-en.ts';
import { type MobileNumberParser, mobileNumberField } from './mobile-number.ts';

export const maxDaysAhead = 90;
export const maxHelpTextLength = 500;

export interface BookableTreatment {
  id: string;
  specialty: SpecialtyId;
  /** Its name in the form's language; on the server, in English, as staff read it. */
  title: string;
  /** On the server: its name in each language, for what the patient or guardian is written in the page's. */
  titles?: Readonly<Record<Locale, string>>;
}

export interface BookingSchemaOptions {
  /** The treatments that can be booked, from the `treatments` collection. */
  treatments: readonly BookableTreatment[];
  /** The clinic's today (`todayInClinic(new Date())`): the earliest preferred date and the day ages are taken on. */
  today: string;
  /** `toMobileE164` on the server, `plausibleMobileNumber` in the browser (see mobile-number.ts). */
  parseMobile: MobileNumberParser;
  /** The catalogue of the language the form is in (messages-en.ts, messages-hi.ts): the rules are the same in each. */
  messages: FormMessages;
}

function createGuardianSchema({ booking, fields }: FormMessages) {
  return z.strictObject(
    {
      name: personNameField(booking.guardianNameMissing, fields),
      relationship: z.enum(guardianRelationshipIds, { error: booking.guardianRelationshipMissing }),
      consent: requiredTick(booking.guardianConsentMissing),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? booking.guardianDetailsMissing : undefined) },
  );
}
type GuardianSchema = ReturnType<typeof createGuardianSchema>;

export type GuardianFormValues = z.input<GuardianSchema>;
/** A patient under 18's parent or legal guardian: the person the clinic deals with about the request. */
export type Guardian = z.output<GuardianSchema> & { mobile: string; email?: string };

export interface BookingConsents {
  privacyNotice: true;
  /** Updates about this request on WhatsApp. */
  whatsappUpdates: boolean;
  /** The clinic's news by email: marketing, so never for a minor. */
  emailNews: boolean;
}

interface BookingDetails extends BookingRequestDetails {
  /** The treatment's name as the site showed it when the request was made, in English (staff, the CRM). */
  treatmentTitle: string;
  /** The same in the language of the page the request came from: the patient's or guardian's email names it so. */
  patientTreatmentTitle: string;
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

// The cross-field rules. Each reads only the fields `whenFieldsValid` names where it is attached.
type RuleContext = z.core.$RefinementCtx<unknown>;

function checkBranchOffersTreatment(
  { branch: branchId, treatment }: { branch: BranchId; treatment: string },
  context: RuleContext,
  specialtyOf: ReadonlyMap<string, SpecialtyId>,
  messages: FormMessages,
) {
  const specialty = specialtyOf.get(treatment);
  const branch = findBranch(branchId);
  if (specialty && !(branch.specialties as readonly SpecialtyId[]).includes(specialty)) {
    const labels = clinicLabels[messages.locale];
    context.addIssue({
      code: 'custom',
      path: ['branch'],
      message: messages.booking.branchLacksSpecialty(
        labels.branches[branchId].name,
        labels.specialties[specialty].label,
      ),
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
  messages: FormMessages,
) {
  const open = openTimeWindows(findBranch(branchId), preferredDate);
  const branchName = clinicLabels[messages.locale].branches[branchId].name;
  const day = weekdayOf(preferredDate);
  if (open.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['preferredDate'],
      message: messages.booking.branchClosed(branchName, day),
    });
  } else if (!open.includes(timeWindow)) {
    context.addIssue({
      code: 'custom',
      path: ['timeWindow'],
      message: messages.booking.branchOpenOnly(branchName, day, open),
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
  guardianSchema: GuardianSchema,
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
  messages: FormMessages,
) {
  if (mobile) return;
  const minor = typeof dateOfBirth === 'string' && isCalendarDate(dateOfBirth) && isMinor(dateOfBirth, today);
  context.addIssue({
    code: 'custom',
    path: ['mobile'],
    message: minor ? messages.booking.guardianMobileMissing : messages.booking.mobileMissing,
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
  messages: FormMessages,
) {
  // A minor's tick is ignored (news is marketing), so it needs no address either.
  if (consents.emailNews && !email && !isMinor(dateOfBirth, today)) {
    context.addIssue({ code: 'custom', path: ['email'], message: messages.booking.emailForNews });
  }
}

export function createBookingSchema({ treatments, today, parseMobile, messages }: BookingSchemaOptions) {
  const { booking: words, fields } = messages;
  const specialtyOf = new Map(treatments.map((treatment) => [treatment.id, treatment.specialty]));
  const treatmentOf = new Map(treatments.map((treatment) => [treatment.id, treatment]));
  const [firstTreatment, ...otherTreatments] = specialtyOf.keys();
  if (firstTreatment === undefined) throw new Error('createBookingSchema needs at least one treatment');
  const latestPreferredDate = addDaysTo(today, maxDaysAhead);
  const guardianSchema = createGuardianSchema(messages);
  const patientMobileSchema = createPatientMobileSchema(parseMobile, messages);

  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField(fields),
          locale: localeField,
          treatment: z.enum([firstTreatment, ...otherTreatments], { error: words.treatmentMissing }),
          branch: z.enum(branchIds, { error: words.branchMissing }),
          preferredDate: calendarDateField(words.preferredDateMissing, fields).check(
            z.refine((date) => date >= today, words.preferredDatePast),
            z.refine((date) => date <= latestPreferredDate, words.preferredDateTooFar(maxDaysAhead)),
          ),
          timeWindow: z.enum(timeWindowIds, { error: words.timeWindowMissing }),
          fullName: personNameField(words.fullNameMissing, fields),
          // Required, with a message that depends on the age: see checkContactMobile.
          mobile: optionalInput(mobileNumberField(words.mobileMissing, parseMobile, messages.mobile)),
          email: optionalInput(emailField(words.emailMissing, fields)),
          dateOfBirth: dateOfBirthField(today, fields),
          helpText: optionalInput(
            z.string().check(z.trim(), z.maxLength(maxHelpTextLength, fields.textTooLong(maxHelpTextLength))),
          ),
          consents: z.prefault(
            z.strictObject({
              privacyNotice: requiredTick(words.privacyNoticeMissing),
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
          (booking, context) => checkBranchOffersTreatment(booking, context, specialtyOf, messages),
          whenFieldsValid('treatment', 'branch'),
        ),
        z.superRefine(
          (booking, context) => checkBranchIsOpen(booking, context, messages),
          whenFieldsValid('branch', 'preferredDate', 'timeWindow'),
        ),
        z.superRefine(
          (booking, context) => checkContactMobile(booking, context, today, messages),
          whenFieldsValid('mobile'),
        ),
        z.superRefine(
          (booking, context) => checkGuardianOfMinor(booking, context, today, guardianSchema, patientMobileSchema),
          whenFieldsValid('dateOfBirth'),
        ),
        z.superRefine(
          (booking, context) => checkEmailForNews(booking, context, today, messages),
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
        const offered = treatmentOf.get(details.treatment);
        const common = {
          ...details,
          treatmentTitle: offered?.title ?? details.treatment,
          patientTreatmentTitle: offered?.titles?.[details.locale] ?? offered?.title ?? details.treatment,
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

function createPatientMobileSchema(parseMobile: MobileNumberParser, messages: FormMessages) {
  return optionalInput(mobileNumberField(messages.booking.patientMobileInvalid, parseMobile, messages.mobile));
}
type PatientMobileSchema = ReturnType<typeof createPatientMobileSchema>;

export type BookingSchema = ReturnType<typeof createBookingSchema>;
/** What the form holds and posts: post these values, not the parsed `BookingRequest`. */
export type BookingFormValues = z.input<BookingSchema>;
