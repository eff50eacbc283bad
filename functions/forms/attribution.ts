/**
 * Where a visitor came from, collected by the form's page script. Attribution never stops anyone from
 * booking: a value that does not fit is dropped, not reported, and unknown keys are dropped too. Page
 * addresses lose their query string and fragment, which can carry personal data (a search, an email
 * address); the UTM values are kept as they are.
 */
import * as z from 'zod/mini';
import type { Attribution } from '#functions/outbox/jobs.ts';

const campaignValue = z.string().check(z.trim(), z.minLength(1), z.maxLength(150), z.regex(/^[^\p{Cc}]*$/u));

const clickId = z.string().check(z.regex(/^[\w.-]{1,200}$/));

const pageAddress = z.pipe(
  z.string().check(z.maxLength(2000)),
  z.pipe(z.transform(withoutQueryOrFragment), z.string().check(z.minLength(1), z.maxLength(300))),
);

/** "/book/?utm_source=x#top" → "/book/"; "https://example.com/a?b" → "https://example.com/a"; else "". */
function withoutQueryOrFragment(address: string): string {
  const text = address.trim();
  if (text.startsWith('/') && !text.startsWith('//')) return text.split(/[?#]/, 1)[0] ?? '';
  if (!URL.canParse(text)) return '';
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}${url.pathname}` : '';
}

const droppedIfInvalid = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const attributionShape = {
  utm_source: droppedIfInvalid(campaignValue),
  utm_medium: droppedIfInvalid(campaignValue),
  utm_campaign: droppedIfInvalid(campaignValue),
  utm_term: droppedIfInvalid(campaignValue),
  utm_content: droppedIfInvalid(campaignValue),
  gclid: droppedIfInvalid(clickId),
  fbclid: droppedIfInvalid(clickId),
  landingPage: droppedIfInvalid(pageAddress),
  referrer: droppedIfInvalid(pageAddress),
  formPage: droppedIfInvalid(pageAddress),
} satisfies Record<AttributionKey, z.ZodMiniType>;

type AttributionKey = keyof Attribution;

/** The values that fit, or undefined when none does. */
function keptValues(values: Record<string, string | undefined>): Attribution | undefined {
  const kept = Object.entries(values).filter((entry): entry is [AttributionKey, string] => entry[1] !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export const attributionField = droppedIfInvalid(z.pipe(z.object(attributionShape), z.transform(keptValues)));
