import { describe, expect, it } from 'vitest';
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianConsentCheck, guardianConsentChecks } from '#functions/clinic/policy-wording.ts';
import type { RenderedEmail } from '#functions/delivery/email/render.ts';
import { bookingConfirmationEmail } from '#functions/delivery/email/templates/booking-confirmation.tsx';
import { frontDeskNotificationEmail } from '#functions/delivery/email/templates/front-desk-notification.tsx';
import { guardianConsentRequestEmail } from '#functions/delivery/email/templates/guardian-consent-request.tsx';
import { newsletterConfirmationEmail } from '#functions/delivery/email/templates/newsletter-confirmation.tsx';
import { rightsAcknowledgementEmail } from '#functions/delivery/email/templates/rights-acknowledgement.tsx';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import { sentQuicklyNote } from '#functions/outbox/jobs.ts';
import {
  adultConfirmation,
  adultFrontDesk,
  guardianConsentRequest,
  minorFrontDesk,
  newsletterConfirmation,
  reference,
  rightsAcknowledgement,
} from '../support/email-payloads.ts';
import { adultBooking, guardianLinks, minorBooking, requestedAt } from '../support/lead-fixtures.ts';

const siteUrl = 'https://www.clinic.test';
const preferencesUrl = 'https://www.clinic.test/preferences/?token=booking_KC-7Q4M-X2P9.never.signature';

/** The HTML part as a reader sees it: no tags, and none of the empty comments React puts between text pieces. */
const readableHtml = (html: string) => html.replace(/<!--.*?-->|<[^>]*>/g, '').replaceAll('&#x27;', "'");

/** A fact counts when both parts carry it: mail apps show one or the other. */
function expectInBothParts(email: RenderedEmail, ...facts: string[]) {
  for (const fact of facts) {
    expect(readableHtml(email.html)).toContain(fact);
    expect(email.text).toContain(fact);
  }
}

function expectInNeitherPart(email: RenderedEmail, ...facts: string[]) {
  for (const fact of facts) {
    expect(email.html).not.toContain(fact);
    expect(email.text).not.toContain(fact);
  }
}

const visitFacts = [
  reference,
  'Teeth whitening',
  'Indiranagar, Bengaluru',
  'Demo Building, 2nd Floor, 100 Feet Road, Indiranagar, Bengaluru 560038',
  'Wednesday, 25 November 2026',
  'Morning (before 12 pm)',
];

describe('the booking confirmation to the patient', () => {
  it('says what was asked for, where and when, and that the front desk will confirm a time', async () => {
    const email = await bookingConfirmationEmail(adultConfirmation(), { siteUrl, preferencesUrl });
    expectInBothParts(email, ...visitFacts, 'Hello Asha Rao', 'not a confirmed appointment', 'call you or message');
    expect(email.subject).toBe(`Kalpa Clinics: we have received your request (${reference})`);
  });

  it('tells how to change or cancel by phone, and links the privacy policy', async () => {
    const email = await bookingConfirmationEmail(adultConfirmation(), { siteUrl: `${siteUrl}/`, preferencesUrl });
    expectInBothParts(email, 'Call our Indiranagar, Bengaluru clinic on +91 80 4555 0101', 'privacy policy');
    expect(email.html).toContain('href="tel:+918045550101"');
    expect(email.html).toContain('href="https://www.clinic.test/privacy-policy/"');
    expect(email.text).toContain('privacy policy https://www.clinic.test/privacy-policy/');
  });

  it('carries neither the free-text note nor the date of birth', async () => {
    const email = await bookingConfirmationEmail(adultConfirmation(), { siteUrl, preferencesUrl });
    expectInNeitherPart(email, 'chipped', '1990', '1 May');
  });

  it('is an accessible English (India) document: a language, one heading, no images', async () => {
    const { html, text } = await bookingConfirmationEmail(adultConfirmation(), { siteUrl, preferencesUrl });
    expect(html).toContain('lang="en-IN"');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(text).not.toContain('<');
  });
});

describe('the front desk notification', () => {
  it("has the request, the patient's details, the note and the WhatsApp consent, marked internal", async () => {
    const email = await frontDeskNotificationEmail(adultFrontDesk());
    expectInBothParts(
      email,
      ...visitFacts,
      'Internal',
      'Asha Rao',
      '+91 98765 43210',
      'asha@example.com',
      'Date of birth: 1 May 1990',
      'Under 18: No',
      'WhatsApp updates: Yes',
      'A chipped front tooth',
    );
    expect(email.subject).toBe(`New booking request ${reference}: Teeth whitening, Indiranagar, Bengaluru`);
  });

  it("flags a minor, gives the guardian's details, and says the consent is pending and how to verify it", async () => {
    const email = await frontDeskNotificationEmail(minorFrontDesk({ patientMobile: '98765 00002' }));
    expectInBothParts(
      email,
      'Kiran Rao',
      'Mobile: +91 98765 00002',
      'Date of birth: 10 March 2011',
      'Under 18: Yes',
      'The patient is under 18. Call Asha Rao (parent)',
      'Relationship: Parent',
      'Mobile: +91 98765 43210',
      'Email: asha@example.com',
      'Consent: Ticked on the booking form; not verified yet',
      'Guardian consent pending. We have emailed Asha Rao a link to confirm it.',
      `npm run leads -- verify-guardian ${reference} --method phone --by YOUR-NAME`,
      'A request not verified within 7 days is deleted, with its deal in the CRM.',
    );
    expect(email.subject).toContain('(under 18)');
  });

  it('asks the front desk to verify on its call when the guardian gave no email', async () => {
    const email = await frontDeskNotificationEmail(minorFrontDesk({ email: '' }));
    expectInBothParts(email, 'Asha Rao gave no email address, so confirm it on your call.', 'Mobile: not given');
  });

  it('asks for a check of a request sent faster than people usually manage, and only then', async () => {
    const quick = await frontDeskNotificationEmail({ ...adultFrontDesk(), sentQuickly: true });
    expect(quick.subject).toContain('(check: sent very quickly)');
    expectInBothParts(quick, sentQuicklyNote);
    const usual = await frontDeskNotificationEmail(adultFrontDesk());
    expect(usual.subject).not.toContain('check');
    expectInNeitherPart(usual, sentQuicklyNote);
  });

  it('says when no note was left, and shows a note as text, never as markup', async () => {
    expectInBothParts(await frontDeskNotificationEmail(adultFrontDesk({ helpText: '' })), 'No note was left.');
    const { html, text } = await frontDeskNotificationEmail(
      adultFrontDesk({ helpText: 'Sensitive <b>teeth</b>\nsince May' }),
    );
    expect(html).toContain('Sensitive &lt;b&gt;teeth&lt;/b&gt;<br/>since May');
    expect(text).toContain('Sensitive <b>teeth</b>\nsince May');
  });
});

describe("the consent request to a minor's parent or guardian", () => {
  it('names the patient and the request, links the one-step confirmation, and says until when it works', async () => {
    const email = await guardianConsentRequestEmail(guardianConsentRequest(), { siteUrl, preferencesUrl });
    const verifyUrl = `https://www.clinic.test/book/guardian-consent/?token=${reference}`;
    expectInBothParts(
      email,
      ...visitFacts,
      'Hello Asha Rao',
      'for Kiran Rao, who is under 18, naming you as their parent',
      "I am Kiran Rao's parent or legal guardian and I agree to this request.",
      verifyUrl,
      'The link works until Monday, 30 November 2026 at 12:00 pm IST.',
    );
    expect(email.html).toContain(`href="${verifyUrl}"`);
    expect(email.subject).toBe(`Kalpa Clinics: please confirm your consent to an appointment request (${reference})`);
  });

  it('says exactly what the notice and the privacy policy say about verifying it, and links the policy section', async () => {
    const email = await guardianConsentRequestEmail(guardianConsentRequest(), { siteUrl, preferencesUrl });
    expectInBothParts(email, guardianConsentCheck);
    expect(email.html).toContain(
      'href="https://www.clinic.test/privacy-policy/#appointment-requests-for-patients-under-18"',
    );
  });

  it('carries neither the note nor the date of birth, and names neither patient nor treatment in the subject', async () => {
    const email = await guardianConsentRequestEmail(guardianConsentRequest(), { siteUrl, preferencesUrl });
    expectInNeitherPart(email, 'chipped', '2011', '10 March');
    expect(email.subject).not.toMatch(/Kiran|whitening/);
  });
});

describe('the newsletter confirmation', () => {
  it('links the confirmation and says until when it works, in the clinic’s time zone', async () => {
    const email = await newsletterConfirmationEmail(newsletterConfirmation(), { preferencesUrl });
    const confirmUrl = `https://www.clinic.test/newsletter/confirm/?token=${reference}`;
    expectInBothParts(email, confirmUrl, 'Monday, 30 November 2026 at 3:30 pm IST');
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.subject).toBe('Please confirm your subscription to Kalpa Clinics news');
  });

  it('tells someone who did not ask that they will not be subscribed', async () => {
    const email = await newsletterConfirmationEmail(newsletterConfirmation(), { preferencesUrl });
    expectInBothParts(email, 'If you did not ask for this, please ignore this email: you will not be subscribed');
  });
});

describe('the acknowledgement of a data-rights request', () => {
  it('gives the reference, what was asked for, when it arrived and the deadlines', async () => {
    const email = await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl });
    expectInBothParts(
      email,
      'Hello Asha Rao',
      `Reference: ${reference}`,
      'Your request: Delete my information',
      'Received: Monday, 23 November 2026 at 10:30 am IST',
      'Our answer by: Wednesday, 23 December 2026',
      'Within 48 hours, we will contact you to confirm that the request comes from you.',
      'within 30 days of receiving it, that is by Wednesday, 23 December 2026',
    );
    expect(email.subject).toBe(`Kalpa Clinics: we have received your privacy request (${reference})`);
  });

  it('says that the requester is identified first, and nothing deleted before then', async () => {
    const email = await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl });
    expectInBothParts(email, 'We check this before we act on your request', 'Nothing is deleted before then.');
  });

  it('says, for a stop-marketing request only, what has already been done', async () => {
    const stop = await rightsAcknowledgementEmail(rightsAcknowledgement({ requestType: 'stop-marketing' }), {
      preferencesUrl,
    });
    expectInBothParts(stop, 'One part has already happened: we ended any newsletter subscription');
    const erase = await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl });
    expect(erase.text).not.toContain('One part has already happened');
  });

  it('names the Grievance Officer and how to reach them, and where to complain', async () => {
    const email = await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl });
    expectInBothParts(
      email,
      'Our Grievance Officer, Meera Iyer (demo), is responsible for your request.',
      'privacy@example.com',
      'If you are not satisfied with our response, you can complain to the Data Protection Board of India',
      'If you did not make this request',
    );
    expect(email.html).toContain('href="mailto:privacy@example.com"');
    expect(email.html).toContain('href="https://www.dpb.gov.in"');
    expect(email.text).toContain('Data Protection Board of India https://www.dpb.gov.in');
  });

  it("uses each request type's label, and carries neither the details nor the mobile number", async () => {
    const email = await rightsAcknowledgementEmail(rightsAcknowledgement({ requestType: 'portability' }), {
      preferencesUrl,
    });
    expectInBothParts(email, 'Your request: Give me a copy of my information to take elsewhere');
    expectInNeitherPart(email, 'booking last year', '98765', 'Delete my information');
  });

  it('is an accessible English (India) document: a language, one heading, no images', async () => {
    const { html, text } = await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl });
    expect(html).toContain('lang="en-IN"');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(text).not.toContain('<');
  });
});

describe('the emails sent from a Hindi page', () => {
  const inHindi = (email: RenderedEmail) => {
    expect(email.html).toContain('lang="hi-IN"');
    expect(email.subject).toMatch(/[\u0900-\u097F]/);
    expect(email.html.match(/<h1/g)).toHaveLength(1);
    // Every sentence a patient reads is Hindi: no English sentence of the English email is left.
    expect(email.text).not.toMatch(/\b(the|and|your|please|thank you)\b/i);
  };

  it('confirms a booking in Hindi, with the day, the time of day and the clinic in Hindi', async () => {
    const email = await bookingConfirmationEmail(adultConfirmation({ locale: 'hi' }), { siteUrl, preferencesUrl });
    inHindi(email);
    expectInBothParts(email, reference, 'बुधवार, 25 नवंबर 2026', 'सुबह (दोपहर 12 बजे से पहले)', 'इंदिरानगर, बेंगलुरु');
    expectInBothParts(email, 'आपका अनुरोध हमें मिल गया है', 'हमारी गोपनीयता नीति');
  });

  it('asks a parent or guardian for their consent in Hindi, as the Hindi notice says it', async () => {
    const email = await guardianConsentRequestEmail(guardianConsentRequest({ locale: 'hi' }), {
      siteUrl,
      preferencesUrl,
    });
    inHindi(email);
    expectInBothParts(email, 'मेरी सहमति की पुष्टि करें', guardianConsentChecks.hi, 'अगर बटन काम न करे');
  });

  it("names the treatment in Hindi, from its Hindi twin's title, to the patient and the guardian; staff keep the English", async () => {
    const jobsFor = (request: BookingRequest) =>
      bookingJobs(request, reference, requestedAt, guardianLinks(reference)).map(({ kind, payload }) => ({
        kind,
        title: (payload as { treatmentTitle?: string }).treatmentTitle,
      }));
    expect(jobsFor(adultBooking({ locale: 'hi' }))).toEqual([
      { kind: 'crm.booking', title: 'Teeth whitening' },
      { kind: 'email.front-desk', title: 'Teeth whitening' },
      { kind: 'email.booking-confirmation', title: 'दांतों की व्हाइटनिंग' },
    ]);
    expect(jobsFor(minorBooking({ locale: 'hi' }))).toContainEqual({
      kind: 'email.guardian-consent',
      title: 'दांतों की व्हाइटनिंग',
    });
    // From an English page, English everywhere.
    expect(jobsFor(adultBooking()).map(({ title }) => title)).toEqual(Array(3).fill('Teeth whitening'));

    const [confirmation] = bookingJobs(adultBooking({ locale: 'hi' }), reference, requestedAt, guardianLinks(reference))
      .filter((job) => job.kind === 'email.booking-confirmation')
      .map(({ payload }) => payload as Parameters<typeof bookingConfirmationEmail>[0]);
    if (!confirmation) throw new Error('no confirmation');
    const email = await bookingConfirmationEmail(confirmation, { siteUrl, preferencesUrl });
    inHindi(email);
    expectInBothParts(email, 'दांतों की व्हाइटनिंग');
    expect(email.text).not.toContain('Teeth whitening');
  });

  it('asks a subscriber to confirm, and acknowledges a rights request, in Hindi', async () => {
    inHindi(await newsletterConfirmationEmail({ ...newsletterConfirmation(), locale: 'hi' }, { preferencesUrl }));
    const acknowledgement = await rightsAcknowledgementEmail(
      { ...rightsAcknowledgement(), locale: 'hi' },
      { preferencesUrl },
    );
    inHindi(acknowledgement);
    expectInBothParts(acknowledgement, clinic.grievanceOfficer.inHindi.name);
  });

  it('tells the front desk, in English, which language the patient used', async () => {
    const hindi = await frontDeskNotificationEmail(adultFrontDesk({ locale: 'hi' }));
    expectInBothParts(hindi, 'Language: Hindi (the page the request was sent from: reply in it)');
    const english = await frontDeskNotificationEmail(adultFrontDesk());
    expectInBothParts(english, 'Language: English');
    expect(hindi.html).toContain('lang="en-IN"');
  });
});
