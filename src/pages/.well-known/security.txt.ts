/**
 * /.well-known/security.txt (RFC 9116): where to report a security problem. Built with the site, so its Expires
 * is `securityContact.expiresAfterDays` after the build: a deployment not rebuilt by then says it is stale.
 */
import type { APIRoute } from 'astro';
import { addDays } from 'date-fns/addDays';
import { clinic } from '#functions/clinic/clinic.ts';
import { absoluteUrl } from '#src/lib/seo.ts';

export const prerender = true;

export const GET: APIRoute = ({ site, url }) => {
  const origin = site ?? url;
  const { email, expiresAfterDays } = clinic.securityContact;
  const fields = [
    `Contact: mailto:${email}`,
    `Expires: ${addDays(new Date(), expiresAfterDays).toISOString()}`,
    'Preferred-Languages: en, hi',
    `Canonical: ${absoluteUrl('/.well-known/security.txt', origin)}`,
    `Policy: ${absoluteUrl('/privacy-policy/#reporting-a-security-problem', origin)}`,
  ];
  return new Response(`${fields.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
