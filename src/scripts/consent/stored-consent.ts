/** Reads the minor flag from the consent cookie before the consent library starts. */
export function storedMinorFlag(cookieHeader: string, cookieName: string): boolean {
  const raw = cookieHeader
    .split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1);
  if (!raw) return false;
  try {
    return (JSON.parse(decodeURIComponent(raw)) as { data?: { minor?: unknown } }).data?.minor === true;
  } catch {
    return false;
  }
}
