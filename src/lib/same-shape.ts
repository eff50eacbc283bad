/**
 * Where a translation's shape differs from the English it translates: a key or list item missing or extra, a list
 * of another length, a text where the English has a function (or a function taking other arguments). Values are
 * not compared: they are in another language.
 */
export function shapeDifferences(english: unknown, other: unknown, path: string): string[] {
  if (english === undefined && other === undefined) return [];
  if (english === undefined) return [`${path} is only in the translation`];
  if (other === undefined) return [`${path} is missing`];
  if (Array.isArray(english) || Array.isArray(other)) {
    if (!Array.isArray(english) || !Array.isArray(other)) return [`${path} is a list on one side only`];
    if (english.length !== other.length) {
      return [`${path} has ${english.length} items in English, ${other.length} in the translation`];
    }
    return english.flatMap((item, index) => shapeDifferences(item, other[index], `${path}[${index}]`));
  }
  if (typeof english !== typeof other) return [`${path} is a ${typeof english} in English, a ${typeof other} here`];
  if (typeof english === 'function' && typeof other === 'function' && english.length !== other.length) {
    return [`${path} takes ${english.length} arguments in English, ${other.length} here`];
  }
  if (typeof english === 'object' && english !== null && other !== null) {
    const keys = new Set([...Object.keys(english), ...Object.keys(other as object)]);
    return [...keys].flatMap((key) =>
      shapeDifferences(
        (english as Record<string, unknown>)[key],
        (other as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  return [];
}
