/**
 * Signs of an automated submission, sent beside a lead form's fields: `website`, a honeypot input that people
 * never see, and `startedAt`, when the form was shown (epoch milliseconds; a plain HTML form posts it as a string
 * of digits). Only a filled honeypot discards a submission (answered as if accepted, so a bot learns nothing):
 * a person never sees the field. A form sent within 3 seconds of being shown is rare for a person but not
 * impossible (autofill, a password manager), so it is kept and marked for whoever follows it up. These never
 * produce field errors.
 */
export const minimumFillTimeMs = 3000;

export interface BotSignals {
  website?: unknown;
  startedAt?: unknown;
}

/** Takes the bot signals off a posted body; the rest is what the (strict) lead schemas parse. */
export function separateBotSignals(body: unknown): { signals: BotSignals; fields: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { signals: {}, fields: body };
  const { website, startedAt, ...fields } = body as Record<string, unknown>;
  return { signals: { website, startedAt }, fields };
}

/**
 * How much the fill time says: `required` for a form the server rendered with its time; `when-given` for one
 * on a prebuilt page (the footer's newsletter form), which can only carry the honeypot.
 */
export interface BotCheck {
  fillTime: 'required' | 'when-given';
}

/**
 * `discard` for a filled honeypot; `sent-quickly` for a form sent within 3 seconds of being shown, or "shown" in
 * the future or never (kept, and marked); `person` otherwise.
 */
export type Screening = 'discard' | 'sent-quickly' | 'person';

export function screenSubmission({ website, startedAt }: BotSignals, now: Date, { fillTime }: BotCheck): Screening {
  if (website !== undefined && website !== '') return 'discard';
  if (startedAt === undefined && fillTime === 'when-given') return 'person';
  const shownAt = typeof startedAt === 'string' && /^\d{1,16}$/.test(startedAt) ? Number(startedAt) : startedAt;
  if (typeof shownAt !== 'number' || !Number.isFinite(shownAt)) return 'sent-quickly';
  return now.getTime() - shownAt < minimumFillTimeMs ? 'sent-quickly' : 'person';
}
