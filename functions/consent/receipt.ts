/**
 * The consent receipt the browser posts whenever a visitor makes or changes a cookie choice. The schema
 * is strict: unknown keys are rejected, so nothing personal can ride along with the choice itself.
 */
import * as z from 'zod';
import {
  consentAcceptTypes,
  consentLanguages,
  consentSources,
  privacySignalValues,
} from '#functions/clinic/consent.ts';
import { type ConsentCategory, type TrackingServiceId, trackingServices } from '#functions/clinic/tracking-services.ts';
import { type FieldErrors, fieldErrors } from '#functions/forms/field-errors.ts';

const categoryIds = ['necessary', 'analytics', 'marketing'] as const satisfies readonly ConsentCategory[];
const serviceIds = ['ga4', 'clarity', 'meta'] as const satisfies readonly TrackingServiceId[];

/** Builds the `error` option of a field: "Required" when it is missing, the given message otherwise. */
function invalid(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Required' : message) };
}

function hasNoDuplicates(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

export const consentReceiptSchema = z
  .strictObject(
    {
      consentId: z.uuid(invalid('Must be a UUID')),
      acceptType: z.enum(consentAcceptTypes, invalid('Must be "all", "necessary" or "custom"')),
      acceptedCategories: z
        .array(
          z.enum(categoryIds, invalid('Must be "necessary", "analytics" or "marketing"')),
          invalid('Must be a list'),
        )
        .max(categoryIds.length, `Must list at most ${categoryIds.length} categories`)
        .refine(hasNoDuplicates, 'Must not list a category twice')
        .refine((categories) => categories.includes('necessary'), 'Must include "necessary"'),
      acceptedServices: z
        .array(z.enum(serviceIds, invalid('Must be "ga4", "clarity" or "meta"')), invalid('Must be a list'))
        .max(serviceIds.length, `Must list at most ${serviceIds.length} services`)
        .refine(hasNoDuplicates, 'Must not list a service twice'),
      revision: z.int(invalid('Must be a whole number')).min(1, 'Must be at least 1').max(1000, 'Must be at most 1000'),
      policyVersion: z.string(invalid('Must be a string')).regex(/^\d{4}-\d{2}$/, 'Must look like 2026-11 (YYYY-MM)'),
      language: z.enum(consentLanguages, invalid('Must be "en" or "hi"')),
      source: z.enum(consentSources, invalid('Must be "banner", "gpc" or "minor"')),
      privacySignal: z.enum(privacySignalValues, invalid('Must be "gpc", "dnt" or "none"')),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'Must be a JSON object' : undefined) },
  )
  // A service may be accepted only with its category. Zod runs this once every field has the right type.
  .superRefine((receipt, context) => {
    for (const service of trackingServices) {
      if (receipt.acceptedServices.includes(service.id) && !receipt.acceptedCategories.includes(service.category)) {
        context.addIssue({
          code: 'custom',
          path: ['acceptedServices'],
          message: `"${service.id}" needs the "${service.category}" category`,
        });
      }
    }
  });

export type ConsentReceipt = z.infer<typeof consentReceiptSchema>;

export type ConsentReceiptParseResult = { ok: true; receipt: ConsentReceipt } | { ok: false; fields: FieldErrors };

export function parseConsentReceipt(body: unknown): ConsentReceiptParseResult {
  const result = consentReceiptSchema.safeParse(body);
  return result.success ? { ok: true, receipt: result.data } : { ok: false, fields: fieldErrors(result.error.issues) };
}
