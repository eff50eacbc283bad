/** One representative URL per page type; the sitemap test covers every page. */
export const pageTypes = {
  home: '/',
  treatments: '/treatments/',
  treatment: '/treatments/dental-implants/',
  locations: '/locations/',
  location: '/locations/bengaluru-indiranagar/',
  about: '/about/',
  doctors: '/doctors/',
  contact: '/contact/',
  booking: '/book/',
  newsletter: '/newsletter/',
  privacyRights: '/privacy-rights/',
  privacyPolicy: '/privacy-policy/',
  cookiePolicy: '/cookie-policy/',
  terms: '/terms/',
} as const;

export const notFoundPath = '/this-page-does-not-exist/';

/** Turns the sitemap's absolute URLs (built for the configured SITE_URL) into local paths. */
export function pathsFromSitemap(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
}
