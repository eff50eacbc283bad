/** The newsletter and privacy-rights pages' handling of a plain form post, in either language (see form-page.ts). */
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
