import type { CookieFact } from '#functions/clinic/tracking-services.ts';

/**
 * The host itself and every parent domain a cookie could have been set on ("www.example.co.in" →
 * "www.example.co.in", "example.co.in", "co.in"); IP addresses and single-label hosts have only themselves.
 * Browsers refuse cookies on public suffixes, so trying one is harmless.
 */
export function cookieDomainsFor(hostname: string): string[] {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || !hostname.includes('.')) return [hostname];
  const labels = hostname.split('.');
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}

export function matchesCookie(name: string, cookies: readonly CookieFact[]): boolean {
  return cookies.some((cookie) => (cookie.prefix ? name.startsWith(cookie.name) : name === cookie.name));
}

/** Expires every listed cookie on the host and its parent domains, on the root path. */
export function deleteCookies(cookies: readonly CookieFact[], doc: Document = document): void {
  const names = doc.cookie
    .split(';')
    .map((pair) => pair.split('=')[0]?.trim() ?? '')
    .filter((name) => name && matchesCookie(name, cookies));
  const { hostname } = doc.location;
  for (const name of names) {
    doc.cookie = `${name}=; Max-Age=0; Path=/`;
    for (const domain of cookieDomainsFor(hostname)) doc.cookie = `${name}=; Max-Age=0; Path=/; Domain=${domain}`;
  }
}
