/**
 * How long the website's own records are kept. The privacy policy quotes these values (its
 * `{{retention.*}}` tokens, through src/config/clinic.ts) and the retention purge (retention-purge.ts)
 * applies exactly these, so the policy and the database cannot drift apart: change a period here only
 * together with the policy's wording.
 *
 * Unsubscribed newsletter sign-ups have no period of their own: the purge deletes them at its first run
 * after the withdrawal has reached the CRM (see retention-purge.ts), and the policy's "until you
 * unsubscribe" is then the whole story.
 */
import type { Locale } from './locales.ts';

export const retention = {
  /** Booking requests, in calendar months from when they were sent; kept longer only while undelivered. */
  websiteLeadMonths: 12,
  /** The copy of a lead in a delivered (or cancelled) outbox job, in days after that job last changed. */
  deliveredJobPayloadDays: 30,
  /**
   * A booking request for a patient under 18 whose parent or guardian's consent has not been verified (by the
   * emailed link, or by the front desk), in days from the request: then it is deleted, here and in the CRM. The
   * emailed link lasts as long.
   */
  unverifiedMinorRequestDays: 7,
  /** Newsletter sign-ups never confirmed, in days from the sign-up (the confirmation link lasts as long). */
  pendingNewsletterDays: 7,
  /** Cookie consent receipts, in calendar months from when they were recorded. */
  consentReceiptMonths: 24,
  /**
   * Data-rights requests (what was asked, by whom), in calendar months from receipt: long enough to show how a
   * request was handled if a complaint follows (the Limitation Act's three years for most claims).
   */
  rightsRequestMonths: 36,
  /**
   * The processing record (what was done with which request, when and why: references and counts, never a name,
   * email address or number), in calendar months from each entry. DPDP Rules 2025, r.8(3) asks for at least a year.
   */
  processingLogMonths: 12,
  /**
   * Server logs (each request's method, path without its query, status and time; start-up, shutdown, background
   * tasks and errors; no IP address or personal data). The server writes to standard output; the host's log
   * rotation keeps them this long.
   */
  serverLogDays: 90,
  /** Database backups, which the host overwrites on this cycle: how long erased data can outlive its erasure. */
  backupDays: 35,
  /**
   * The email service's record of the emails the website sent (Resend keeps them as the account's plan says): set
   * this to what the clinic's account keeps.
   */
  emailServiceLogDays: 30,
  /** The front desk's booking emails in its mailbox, which the front desk deletes after this many calendar months. */
  frontDeskMailboxMonths: 12,
} as const;

/** The periods a purge applies: the policy's in production, others in tests. */
export type RetentionPeriods = { readonly [Period in keyof typeof retention]: number };

/** One system the website writes to: what it keeps there, when that is deleted, and who deletes it. */
export interface SystemRetention {
  system: string;
  keeps: string;
  deleted: string;
  by: string;
}

const { websiteLeadMonths, rightsRequestMonths, emailServiceLogDays, frontDeskMailboxMonths } = retention;

/**
 * Every system the website writes to, as the privacy policy's table of them (`{{table.retentionBySystem}}`) states
 * it, in each language. The CRM's periods are the purge's own (functions/privacy/retention-purge.ts queues them for
 * the CRM).
 */
export const retentionBySystem: Readonly<Record<Locale, readonly SystemRetention[]>> = {
  en: [
    {
      system: "This website's database",
      keeps: 'Everything sent through our forms, and the copies made to send it on',
      deleted: 'By the periods in the table above',
      by: 'The website, automatically, once a day',
    },
    {
      system: 'Our CRM (HubSpot)',
      keeps:
        'Your contact record (your contact details and choices), your appointment requests and your privacy requests',
      deleted: `An appointment request ${websiteLeadMonths} months after it was made, unless you became our patient; a privacy request ${rightsRequestMonths} months after it arrived; your contact record with them, if the website created it and nothing else keeps it (a visit, another request, a form or a consent you have not withdrawn)`,
      by: 'The website, automatically, once a day; at once when we erase your information at your request',
    },
    {
      system: 'Our email service (Resend)',
      keeps: 'The emails the website sent, and the record of their delivery',
      deleted: `${emailServiceLogDays} days after sending`,
      by: 'Resend, automatically; our staff at once when we erase your information at your request',
    },
    {
      system: "Our front desk's mailbox",
      keeps: 'The email of each appointment request, with your note',
      deleted: `${frontDeskMailboxMonths} months after it arrived`,
      by: 'Our front desk; at once when we erase your information at your request',
    },
  ],
  hi: [
    {
      system: 'इस वेबसाइट का डेटाबेस',
      keeps: 'हमारे फ़ॉर्म से भेजी गई हर जानकारी, और उसे आगे भेजने के लिए बनी कॉपियां',
      deleted: 'ऊपर की तालिका में दी गई अवधियों के अनुसार',
      by: 'वेबसाइट ख़ुद, दिन में एक बार',
    },
    {
      system: 'हमारा CRM (HubSpot)',
      keeps: 'आपका संपर्क रिकॉर्ड (आपके संपर्क का ब्योरा और आपकी पसंद), आपके अपॉइंटमेंट अनुरोध और आपके गोपनीयता अनुरोध',
      deleted: `अपॉइंटमेंट का अनुरोध, किए जाने के ${websiteLeadMonths} महीने बाद, जब तक आप हमारे मरीज़ न बन गए हों; गोपनीयता का अनुरोध, मिलने के ${rightsRequestMonths} महीने बाद; उनके साथ आपका संपर्क रिकॉर्ड भी, अगर उसे वेबसाइट ने बनाया था और उसे रखने की कोई और वजह न हो (कोई विज़िट, कोई दूसरा अनुरोध, कोई फ़ॉर्म, या ऐसी सहमति जो आपने वापस न ली हो)`,
      by: 'वेबसाइट ख़ुद, दिन में एक बार; आपके कहने पर आपकी जानकारी मिटाते समय तुरंत',
    },
    {
      system: 'हमारी ईमेल सेवा (Resend)',
      keeps: 'वेबसाइट के भेजे ईमेल, और उनके पहुंचने का रिकॉर्ड',
      deleted: `भेजने के ${emailServiceLogDays} दिन बाद`,
      by: 'Resend ख़ुद; आपके कहने पर आपकी जानकारी मिटाते समय हमारा स्टाफ़ तुरंत',
    },
    {
      system: 'हमारे फ़्रंट डेस्क का मेलबॉक्स',
      keeps: 'हर अपॉइंटमेंट अनुरोध का ईमेल, आपके नोट के साथ',
      deleted: `मिलने के ${frontDeskMailboxMonths} महीने बाद`,
      by: 'हमारा फ़्रंट डेस्क; आपके कहने पर आपकी जानकारी मिटाते समय तुरंत',
    },
  ],
};
