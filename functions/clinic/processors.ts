/**
 * The service providers (Data Processors) that handle personal information for the clinic. The privacy policy's
 * "Service providers we use" table is rendered from this list (the `{{table.processors}}` block in
 * content/legal/privacy-policy.md), so the policy names exactly these.
 *
 * Each outbox job kind names the provider it goes to (functions/outbox/jobs.ts, by `ProcessorId`), and
 * tests/unit/policy-drift.test.ts holds those equal to the deliveries the code creates, so a new delivery cannot
 * reach a provider the policy does not name.
 *
 * `location` values are the demo identity's: set them to where your accounts actually keep data.
 */

export interface Processor {
  id: string;
  /** How the policy names the provider. */
  name: string;
  /** What they do for us. */
  purpose: string;
  /** What they receive, as the code sends it. */
  receives: string;
  /** Where they keep it. */
  location: string;
}

export const processors = [
  {
    id: 'hosting',
    name: 'Cloud hosting provider',
    purpose: 'Runs the website, its server and its database.',
    receives:
      'Everything sent through our forms, and server logs (IP address, browser type, page requested and time), encrypted in transit and at rest.',
    location: 'India',
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    purpose: 'Our CRM, where the team follows up appointment requests, newsletter subscriptions and privacy requests.',
    receives:
      "Appointment requests: as our contact, the name, mobile number and email address (if given) of the patient, or of a patient under 18's parent or guardian, with their WhatsApp choice and, for adults, their clinic-news choice and, if they allowed marketing cookies, which campaign brought them; on the request's own record, the treatment, clinic, preferred day and time, the patient's name and whether they are under 18 (then the parent or guardian's name and relationship, and whether, how and when their consent was verified). Newsletter: your email address, when you agreed and confirmed, and when you left. Privacy requests: everything you wrote in the request. Never a date of birth, a patient under 18's own mobile number, or the note on what you would like help with.",
    location: 'Outside India (HubSpot data centres in the United States or the European Union)',
  },
  {
    id: 'resend',
    name: 'Resend',
    purpose: 'Sends the emails our website sends.',
    receives:
      'Each email it sends and the address it goes to. To our front desk: your full appointment request, including the date of birth and the note. To you: the confirmation of your appointment request (your name and the appointment details), or, for a patient under 18, to their parent or guardian the link to confirm their consent (both names and the appointment details); the newsletter confirmation link; or the acknowledgement of your privacy request (your name and the request type).',
    location: 'Outside India (United States)',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp Business API partner',
    purpose: 'Sends and receives our WhatsApp messages.',
    receives: 'Your phone number and the messages only.',
    location: "Outside India (WhatsApp's servers, through our partner)",
  },
  {
    id: 'payments',
    name: 'Payment processors (PCI-DSS certified)',
    purpose: 'Take card and other payments at the clinic. The website takes no payments.',
    receives: 'Payment details, which they replace with tokens. We never store full card numbers or CVV.',
    location: 'India, as Reserve Bank of India rules require for payment data',
  },
] as const satisfies readonly Processor[];

export type ProcessorId = (typeof processors)[number]['id'];
