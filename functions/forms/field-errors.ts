import * as z from 'zod/mini';

/** Field name (a dotted path such as `acceptedCategories.1`, or `body` for the whole body) to a message. */
export type FieldErrors = Record<string, string>;

export type FieldParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/** The body of a 400 answer from zod's issues: one message per field, the first reported; unknown keys each named. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  const report = (path: readonly PropertyKey[], message: string) => {
    fields[path.length > 0 ? path.map(String).join('.') : 'body'] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report([...issue.path, key], 'Unknown field');
    } else {
      report(issue.path, issue.message);
    }
  }
  return fields;
}

/** Parses with the schema and answers the parsed value, or the field errors a 400 answer and a form both show. */
export function parseWithFieldErrors<T>(schema: z.core.$ZodType<T>, input: unknown): FieldParseResult<T> {
  const result = z.safeParse(schema, input);
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: fieldErrors(result.error.issues) };
}
