/**
 * The booking request's summary (booking-request-summary.ts) in this tab's sessionStorage, from the island that
 * sent it to the thank-you page that repeats it. Its own module, so the thank-you page's script stays small.
 */
export interface BookingRequestSummary {
  reference: string;
  treatment: string;
  clinic: string;
  day: string;
  time: string;
}

/** How long the thank-you page can repeat a request: the sealed token's life, and the stored summary's. */
export const requestSummaryMinutes = 30;

const storageKey = 'clinic:booking-request';
export const summaryKeys = ['reference', 'treatment', 'clinic', 'day', 'time'] as const;

/** Kept for the thank-you page in this tab only; a browser that refuses storage just sees the page without it. */
export function rememberBookingRequest(summary: BookingRequestSummary, now = Date.now()): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify({ ...summary, savedAt: now }));
  } catch {
    // Storage refused (private mode, quota): the thank-you page shows its general message.
  }
}

export function recallBookingRequest(now = Date.now()): BookingRequestSummary | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null) return undefined;
  const entry = stored as Record<string, unknown>;
  const savedAt = Number(entry.savedAt);
  if (!(now - savedAt >= 0 && now - savedAt < requestSummaryMinutes * 60_000)) return undefined;
  if (!summaryKeys.every((key) => typeof entry[key] === 'string')) return undefined;
  return Object.fromEntries(summaryKeys.map((key) => [key, entry[key]])) as unknown as BookingRequestSummary;
}
