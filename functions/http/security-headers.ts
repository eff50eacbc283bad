/**
 * Security headers. The page's script and style policy comes from Astro's own CSP (a meta tag with hashes);
 * `frame-ancestors` cannot be set from a meta tag, so it is sent here.
 */
const everyResponse = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  // A module script's own imports are fetched under the policy of its response.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Headers browsers read only on a document: framing, powerful features, the browsing context group. */
const documentsOnly = {
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Astro's hashed build output (scripts, styles, images) is never a document; every page script pays for its headers. */
const buildAssetPath = /^\/_astro\//;

export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  return buildAssetPath.test(path) ? everyResponse : { ...everyResponse, ...documentsOnly };
}
