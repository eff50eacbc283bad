import { LINK_SIGNING_KEY, SITE_URL } from 'astro:env/server';
import { readFormBody } from '../../functions/http/request-body';
import { todayInClinic } from '../../functions/leads/clinic-today';
import type { LeadIntake } from '../../functions/leads/lead-intake';
import { createNewsletterIntake } from '../../functions/leads/newsletter-intake';
import { confirmWithLink, isUnsubscribeLink, unsubscribeWithLink } from '../../functions/leads/newsletter-links';
import { checkLink } from '../../functions/leads/signed-links';
import { linkSigningKey } from '../../functions/store/site-secrets';
import type { NewsletterFormProps } from '../islands/NewsletterForm';
import { type LeadFormSubmission, leadFormState, submitLeadForm } from './lead-form';
import { clinicDatabase, formRateLimiter } from './store';

export const newsletterIntake = createNewsletterIntake({
  rateLimit: formRateLimiter(),
  database: clinicDatabase,
  siteUrl: SITE_URL,
  configuredSigningKey: LINK_SIGNING_KEY,
});

/**
 * The footer's form is on prebuilt pages, so it cannot carry a submission ID made for this visit: one is made
 * here. Sending it twice cannot subscribe twice either way, as an address with a live subscription is kept once.
 */
const withSubmissionId: LeadIntake = (values, clientAddress) =>
  newsletterIntake({ submissionId: crypto.randomUUID(), ...(values as object) }, clientAddress);

/** The no-JavaScript path, from the newsletter page or the footer of any page. */
export function submitNewsletterForm(request: Request, clientAddress: string): Promise<LeadFormSubmission> {
  return submitLeadForm(request, clientAddress, withSubmissionId, ['marketingConsent']);
}

export function newsletterFormProps(submission?: LeadFormSubmission): NewsletterFormProps {
  return { today: todayInClinic(new Date()), ...leadFormState(submission) };
}

async function databaseAndKey() {
  const db = await clinicDatabase();
  return { db, signingKey: await linkSigningKey(db, LINK_SIGNING_KEY) };
}

/** The token of a link page: from the address when the link is opened, from the form when its button is pressed. */
export async function linkToken(request: Request, url: URL): Promise<string> {
  if (request.method !== 'POST') return url.searchParams.get('token') ?? '';
  const form = await readFormBody(request, 1024);
  const token = form.ok ? form.value.get('token') : null;
  return typeof token === 'string' ? token : '';
}

export async function checkConfirmLink(token: string) {
  const { signingKey } = await databaseAndKey();
  return checkLink(signingKey, 'newsletter-confirm', token, new Date());
}

export async function confirmSubscription(token: string) {
  const { db, signingKey } = await databaseAndKey();
  return confirmWithLink(db, signingKey, token, new Date());
}

export async function checkUnsubscribeLink(token: string) {
  const { signingKey } = await databaseAndKey();
  return isUnsubscribeLink(signingKey, token);
}

export async function unsubscribe(token: string) {
  const { db, signingKey } = await databaseAndKey();
  return unsubscribeWithLink(db, signingKey, token);
}
