/** A lead form's submission from either path (JSON or plain form): validate, screen bots, store. */
import type { FieldErrors, FieldParseResult } from '#functions/forms/field-errors.ts';
import { log } from '#functions/log/log.ts';
import type { RecordedLead } from '#functions/store/leads.ts';
import { type BotCheck, screenSubmission, separateBotSignals } from './bots.ts';
import { generateReference } from './reference.ts';

export type LeadIntakeResult =
  | { kind: 'accepted'; reference: string; created: boolean }
  | { kind: 'invalid'; fields: FieldErrors }
  | { kind: 'error' };

export type LeadIntake = (input: unknown) => Promise<LeadIntakeResult>;

export interface LeadIntakeOptions<Lead> {
  /** Names the lead in the log line of a failure. */
  leadName: string;
  /** The form's fields (bot signals removed) against its schema, as of `moment`. */
  validate: (fields: unknown, moment: Date) => Promise<FieldParseResult<Lead>>;
  botCheck: BotCheck;
  /** `sentQuickly`: sent faster than people usually manage (bots.ts); the lead is kept, and marked. */
  record: (lead: Lead, moment: Date, sentQuickly: boolean) => Promise<RecordedLead>;
  now?: () => Date;
}

export function createLeadIntake<Lead>({
  leadName,
  validate,
  botCheck,
  record,
  now = () => new Date(),
}: LeadIntakeOptions<Lead>): LeadIntake {
  return async (input) => {
    try {
      const moment = now();
      const { signals, fields } = separateBotSignals(input);
      const parsed = await validate(fields, moment);
      // Errors come first, so a person who is quick with an incomplete form is never told it was accepted.
      if (!parsed.ok) return { kind: 'invalid', fields: parsed.fields };
      const screening = screenSubmission(signals, moment, botCheck);
      // A filled honeypot gets the same answer as a person, so its bot learns nothing; nothing of it is stored.
      if (screening === 'discard') return { kind: 'accepted', reference: generateReference(), created: false };

      const stored = await record(parsed.value, moment, screening === 'sent-quickly');
      return { kind: 'accepted', reference: stored.reference, created: stored.created };
    } catch (error) {
      log.error({ err: error, lead: leadName }, 'Lead not stored');
      return { kind: 'error' };
    }
  };
}
