/**
 * Turns a plain HTML form post into the nested object a JSON client would send, so both are validated by the
 * same schema: `guardian.name` becomes `{ guardian: { name } }`, and a ticked checkbox (`on`) becomes `true`.
 * Checkbox names listed in `booleanFields` that are absent (unticked) become `false`.
 */
export function formDataToObject(form: FormData, booleanFields: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const assign = (path: string, value: unknown) => {
    const keys = path.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
      const next = target[key];
      target[key] = typeof next === 'object' && next !== null ? next : {};
      target = target[key] as Record<string, unknown>;
    }
    const last = keys.at(-1);
    if (last && last !== '__proto__' && last !== 'constructor' && last !== 'prototype') target[last] = value;
  };
  for (const name of booleanFields) assign(name, false);
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    assign(name, booleanFields.includes(name) ? value === 'on' || value === 'true' : value);
  }
  return result;
}
