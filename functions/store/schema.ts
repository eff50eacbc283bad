/** Kysely's view of the database: one interface per table, columns named as in SQL. */
import type { ColumnType, Generated } from 'kysely';
import type { ConsentLanguage, consentAcceptTypes, consentSources, PrivacySignal } from '#functions/clinic/consent.ts';
import type {
  GuardianConsentMethod,
  GuardianRelationship,
  RequesterRole,
  RightsRequestType,
} from '#functions/clinic/form-choices.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';
import type { ConsentCategory, TrackingServiceId } from '#functions/clinic/tracking-services.ts';
import type { Attribution, ContactChoice, OutboxJobKind } from '#functions/outbox/jobs.ts';

export interface Database {
  consent_receipts: ConsentReceiptsTable;
  booking_requests: BookingRequestsTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  outbox_jobs: OutboxJobsTable;
  site_secrets: SiteSecretsTable;
  schedules: SchedulesTable;
  provider_budgets: ProviderBudgetsTable;
  provider_requests: ProviderRequestsTable;
  privacy_audit: PrivacyAuditTable;
  rights_requests: RightsRequestsTable;
  processing_log: ProcessingLogTable;
  guardian_consents: GuardianConsentsTable;
  preference_changes: PreferenceChangesTable;
}

/** A cookie choice as its receipt records it: the choice, never the person. */
export interface ConsentChoice {
  consentId: string;
  acceptType: (typeof consentAcceptTypes)[number];
  acceptedCategories: ConsentCategory[];
  acceptedServices: TrackingServiceId[];
  revision: number;
  policyVersion: string;
  language: ConsentLanguage;
  source: (typeof consentSources)[number];
  privacySignal: PrivacySignal;
}

export interface ConsentReceiptsTable {
  id: Generated<string>;
  consent_id: string;
  accept_type: ConsentChoice['acceptType'];
  categories: ConsentChoice['acceptedCategories'];
  services: ConsentChoice['acceptedServices'];
  revision: number;
  policy_version: string;
  language: ConsentChoice['language'];
  source: ConsentChoice['source'];
  /** Null on receipts recorded before the browser sent it. */
  privacy_signal: ColumnType<PrivacySignal | null, PrivacySignal, never>;
  /** Set by the database clock only, so a receipt's time cannot be supplied by the browser. */
  recorded_at: ColumnType<Date, never, never>;
}

/** Written once, by the database clock (`now()` is the transaction's start: one time for a lead and its consents). */
type RecordedAt = ColumnType<Date, never, never>;
/** JSON stored as jsonb: written as its JSON text, so both drivers send it the same way. */
type Json<T> = ColumnType<T, string, string>;

export interface BookingRequestsTable {
  id: Generated<string>;
  submission_id: string;
  reference: string;
  /** The language of the page the request was sent from. */
  locale: Locale;
  treatment: string;
  branch: string;
  /** "YYYY-MM-DD": the store reads `date` columns as text. */
  preferred_date: string;
  time_window: TimeWindowId;
  full_name: string;
  /** The patient's: required for an adult, optional for a patient under 18 (their parent or guardian's is below). */
  mobile_e164: string | null;
  /** An adult patient's; a patient under 18's parent or guardian gives theirs as `guardian_email`. */
  email: string | null;
  date_of_birth: string;
  is_minor: boolean;
  help_text: string | null;
  guardian_name: string | null;
  guardian_relationship: GuardianRelationship | null;
  guardian_mobile_e164: string | null;
  guardian_email: string | null;
  /** When the guardian ticked their consent on the form; guardian_consents records its verification. */
  guardian_consent_at: Date | null;
  consent_privacy_notice_at: Date;
  consent_whatsapp_at: Date | null;
  consent_email_news_at: Date | null;
  attribution: Json<Attribution> | null;
  /** Sent within seconds of the form being shown: kept, and marked for the front desk to check. */
  sent_quickly: Generated<boolean>;
  created_at: RecordedAt;
}

export type NewsletterStatus = 'pending' | 'confirmed' | 'unsubscribed';

export interface NewsletterSubscriptionsTable {
  id: Generated<string>;
  submission_id: string;
  reference: string;
  email: string;
  status: ColumnType<NewsletterStatus, NewsletterStatus | undefined, NewsletterStatus>;
  consent_at: Date;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  /** The language of the page the sign-up came from. */
  locale: Locale;
  created_at: RecordedAt;
}

export type OutboxJobStatus = 'pending' | 'running' | 'done' | 'dead' | 'cancelled';

export interface OutboxJobsTable {
  id: Generated<string>;
  kind: OutboxJobKind;
  booking_request_id: string | null;
  newsletter_subscription_id: string | null;
  rights_request_id: string | null;
  lead_reference: string;
  payload: Json<unknown>;
  status: ColumnType<OutboxJobStatus, OutboxJobStatus | undefined, OutboxJobStatus>;
  attempts: Generated<number>;
  run_after: Generated<Date>;
  locked_until: Date | null;
  last_error: string | null;
  /** The batch it was last sent in, for a delivery that sends a failed batch again whole (0012-outbox-batches). */
  batch_key: string | null;
  created_at: RecordedAt;
  updated_at: Generated<Date>;
}

export interface ProviderBudgetsTable {
  provider: string;
  /** Nobody asks the provider before this (its Retry-After, or its daily limit). */
  blocked_until: ColumnType<Date | null, Date | undefined, Date | null>;
}

export interface ProviderRequestsTable {
  provider: string;
  made_at: Date;
}

export interface SchedulesTable {
  name: string;
  next_run_at: ColumnType<Date, Date | string, Date | string>;
}

export interface SiteSecretsTable {
  name: string;
  value: string;
  created_at: RecordedAt;
}

export type PrivacyAuditAction = 'export' | 'erase' | 'purge';

/** One export, erasure or retention purge: what it found or changed, as counts; never whom it concerned. */
export interface PrivacyAuditTable {
  id: Generated<string>;
  action: PrivacyAuditAction;
  counts: Json<Record<string, unknown>>;
  /** The privacy request's own reference (a ticket or letter number), if staff gave one. */
  request_reference: string | null;
  performed_at: RecordedAt;
}

export interface RightsRequestsTable {
  id: Generated<string>;
  submission_id: string;
  reference: string;
  request_type: RightsRequestType;
  full_name: string;
  email: string | null;
  mobile_e164: string | null;
  requester_role: RequesterRole;
  subject_name: string | null;
  details: string | null;
  sent_quickly: Generated<boolean>;
  /** The language of the page the request came from. */
  locale: Locale;
  created_at: RecordedAt;
}

export type ProcessingActivity =
  | 'collected'
  | 'confirmed'
  | 'withdrawn'
  | 'delivered'
  | 'exported'
  | 'erased'
  | 'purged';
export type ProcessingPurpose = 'appointment-request' | 'newsletter' | 'privacy-request' | 'data-rights' | 'retention';

/**
 * The processing record: one row per thing done with personal data. Append-only (the database refuses updates);
 * the triggers of migration 0007 write the collected, confirmed, withdrawn and delivered rows themselves.
 */
export interface ProcessingLogTable {
  id: Generated<string>;
  activity: ProcessingActivity;
  purpose: ProcessingPurpose;
  /** The requests' own references (KC-7Q4M-X2P9), never who made them. */
  lead_references: ColumnType<string[], string[] | undefined, never>;
  job_kind: ColumnType<OutboxJobKind | null, never, never>;
  counts: ColumnType<Record<string, unknown>, string | undefined, never>;
  recorded_at: RecordedAt;
}

export type GuardianConsentStatus = 'pending' | 'verified';

/** A parent or guardian's consent to a booking request for a patient under 18: pending until it is verified. */
export interface GuardianConsentsTable {
  id: Generated<string>;
  booking_request_id: string;
  status: ColumnType<GuardianConsentStatus, GuardianConsentStatus | undefined, GuardianConsentStatus>;
  method: GuardianConsentMethod | null;
  /** The member of staff who verified it on their call or at the clinic; null for the emailed link. */
  verified_by: string | null;
  verified_at: Date | null;
  created_at: RecordedAt;
}

/**
 * A choice turned on or off on the preferences page, for an email address (clinic news) or a mobile number
 * (WhatsApp updates), through the request its link named. Written once, by the database clock.
 */
export interface PreferenceChangesTable {
  id: Generated<string>;
  lead_reference: string;
  choice: ContactChoice;
  given: boolean;
  /** Lowercased; set for email news. */
  email: string | null;
  /** E.164; set for WhatsApp updates. */
  mobile_e164: string | null;
  changed_at: RecordedAt;
}
