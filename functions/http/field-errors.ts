import type * as z from 'zod';

/** Field name (a dotted path such as `acceptedCategories.1`, or `body` for the whole body) to a message. */
export type FieldErrors = Record<string, string>;

/** The body of a 400 answer from zod's issues: one message per field, the first reported; unknown keys each named. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  const report = (field: string, message: string) => {
    fields[field] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report(key, 'Unknown field');
    } else {
      report(issue.path.length > 0 ? issue.path.map(String).join('.') : 'body', issue.message);
    }
  }
  return fields;
}
