/** The form pages' handling of a plain form post, in either language (see form-page.ts). */
import type { AstroGlobal } from 'astro';
import { formPageSubmission, withReference } from './form-page.ts';
import { localizedPath, pageLocale } from './i18n.ts';
import { siteOf } from './site.ts';

type FormPageAstro = Parameters<typeof formPageSubmission>[0] & Pick<AstroGlobal, 'locals'>;

export function newsletterPageSubmission(astro: FormPageAstro) {
  return formPageSubmission(
    astro,
    siteOf(astro.locals).forms.newsletter,
    withReference(localizedPath(pageLocale(astro), '/newsletter/thank-you/')),
  );
}

export function rightsPageSubmission(astro: FormPageAstro) {
  return formPageSubmission(
    astro,
    siteOf(astro.locals).forms.rightsRequest,
    withReference(localizedPath(pageLocale(astro), '/privacy-rights/thank-you/')),
  );
}

/**
 * The booking page's: the thank-you page shows what was asked for from a sealed, short-lived token in its address
 * (src/pages/book/_request-token.ts), in the page's language.
 */
export function bookingPageSubmission(
  astro: FormPageAstro,
  sealRequest: (reference: string, values: Record<string, unknown>) => Promise<string | undefined>,
) {
  const thankYou = localizedPath(pageLocale(astro), '/book/thank-you/');
  return formPageSubmission(astro, siteOf(astro.locals).forms.booking, async ({ reference, values }) => {
    const request = await sealRequest(reference, values);
    return request ? `${thankYou}?request=${request}` : thankYou;
  });
}
