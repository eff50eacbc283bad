/**
 * Signs of an automated submission, sent beside a lead form's fields: `website`, a honeypot input that
 * people never see, and `startedAt`, when the form was shown (epoch milliseconds; a plain HTML form
 * posts it as a string of digits). A likely bot gets the same answer as a person and its submission is
 * discarded, so these never produce field errors.
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

/** A filled honeypot, or a form sent within 3 seconds of being shown, or "shown" in the future or never. */
export function isLikelyBot({ website, startedAt }: BotSignals, now: Date, { fillTime }: BotCheck): boolean {
  if (website !== undefined && website !== '') return true;
  if (startedAt === undefined && fillTime === 'when-given') return false;
  const shownAt = typeof startedAt === 'string' && /^\d{1,16}$/.test(startedAt) ? Number(startedAt) : startedAt;
  if (typeof shownAt !== 'number' || !Number.isFinite(shownAt)) return true;
  return now.getTime() - shownAt < minimumFillTimeMs;
}
