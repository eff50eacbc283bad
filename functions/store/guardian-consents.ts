/**
 * A parent or guardian's consent to a booking request for a patient under 18, after the request: read for the
 * page the emailed link opens, and verified (by that link, or by staff). A verification and the jobs it creates are
 * one transaction, with the consent record locked, so a double click or a link pressed while staff record a call
 * verifies once.
 */
import { type Kysely, sql } from 'kysely';
import type { GuardianConsentMethod } from '#functions/clinic/form-choices.ts';
import type { OutboxJobDraft } from '#functions/outbox/jobs.ts';
import { insertJobs } from './leads.ts';
import type { Database, GuardianConsentStatus } from './schema.ts';

/** What the consent page shows: whose request it is, and whether the consent is still to be given. */
export interface GuardianConsentRequest {
  reference: string;
  patientName: string;
  guardianName: string;
  treatment: string;
  branch: string;
  preferredDate: string;
  status: GuardianConsentStatus;
}

/** The request's consent record; undefined when there is no such request, or it needs none (an adult's). */
export async function findGuardianConsentRequest(
  db: Kysely<Database>,
  reference: string,
): Promise<GuardianConsentRequest | undefined> {
  const row = await db
    .selectFrom('booking_requests')
    .innerJoin('guardian_consents', 'guardian_consents.booking_request_id', 'booking_requests.id')
    .select([
      'booking_requests.reference',
      'booking_requests.full_name as patientName',
      'booking_requests.guardian_name as guardianName',
      'booking_requests.treatment',
      'booking_requests.branch',
      'booking_requests.preferred_date as preferredDate',
      'guardian_consents.status',
    ])
    .where('booking_requests.reference', '=', reference)
    .executeTakeFirst();
  return row && { ...row, guardianName: row.guardianName ?? '' };
}

/** How a consent was verified: by whom is given for the ways staff verify, never for the emailed link. */
export type GuardianConsentVerification =
  | { method: 'email-link' }
  | { method: Exclude<GuardianConsentMethod, 'email-link'>; verifiedBy: string };

/** A consent just verified, or verified before: how, when (ISO 8601) and by whom. */
export interface VerifiedGuardianConsent {
  reference: string;
  method: GuardianConsentMethod;
  verifiedAt: string;
  verifiedBy: string | null;
}

export type GuardianConsentOutcome =
  | ({ status: 'verified' | 'already-verified' } & VerifiedGuardianConsent)
  /** No request has the reference (it may have been deleted), or it has no consent to verify (an adult's). */
  | { status: 'not-found' | 'not-needed' };

export function verifyGuardianConsent(
  db: Kysely<Database>,
  reference: string,
  verification: GuardianConsentVerification,
  jobsFor: (verified: VerifiedGuardianConsent) => readonly OutboxJobDraft[],
): Promise<GuardianConsentOutcome> {
  return db.transaction().execute(async (trx) => {
    const booking = await trx
      .selectFrom('booking_requests')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!booking) return { status: 'not-found' };
    const consent = await trx
      .selectFrom('guardian_consents')
      .select(['id', 'status', 'method', 'verified_by', 'verified_at'])
      .where('booking_request_id', '=', booking.id)
      .forUpdate()
      .executeTakeFirst();
    if (!consent) return { status: 'not-needed' };
    if (consent.status === 'verified' && consent.method && consent.verified_at) {
      return {
        status: 'already-verified',
        reference,
        method: consent.method,
        verifiedAt: consent.verified_at.toISOString(),
        verifiedBy: consent.verified_by,
      };
    }
    const verifiedBy = 'verifiedBy' in verification ? verification.verifiedBy : null;
    const { verified_at: verifiedAt } = await trx
      .updateTable('guardian_consents')
      .set({ status: 'verified', method: verification.method, verified_by: verifiedBy, verified_at: sql`now()` })
      .where('id', '=', consent.id)
      .returning('verified_at')
      .executeTakeFirstOrThrow();
    const verified: VerifiedGuardianConsent = {
      reference,
      method: verification.method,
      verifiedAt: (verifiedAt ?? new Date()).toISOString(),
      verifiedBy,
    };
    await insertJobs(trx, jobsFor(verified), { booking_request_id: booking.id, lead_reference: reference });
    return { status: 'verified', ...verified };
  });
}
