/** The HubSpot deliveries, sharing the process's one HubSpot client. */
import type { BatchDelivery, Delivery } from '#functions/delivery/delivery.ts';
import { createBookingDelivery } from './booking.ts';
import { createHubSpotClient, type HubSpotClientOptions } from './client.ts';
import { createCrmErasureDelivery, createCrmRetentionDelivery } from './crm-retention.ts';
import { createBookingDeletionDelivery, createGuardianConsentDelivery } from './guardian-consent.ts';
import {
  createNewsletterDelivery,
  createNewsletterWithdrawalDelivery,
  createWhatsappConsentDelivery,
} from './newsletter.ts';
import { createRightsRequestDelivery } from './rights-request.ts';

/** Kinds that come in bulk (an outage's backlog, a campaign's sign-ups) go in batches; the rest one at a time. */
type BatchedKind = 'crm.booking' | 'crm.newsletter' | 'crm.newsletter-withdrawal' | 'crm.whatsapp-consent';
type SingleKind =
  | 'crm.rights-request'
  | 'crm.guardian-consent'
  | 'crm.booking-deletion'
  | 'crm.retention'
  | 'crm.erasure';

export type HubSpotDeliveries = { [Kind in BatchedKind]: BatchDelivery<Kind> } & {
  [Kind in SingleKind]: Delivery<Kind>;
};

/** Call once per process (see client.ts). */
export function createHubSpotDeliveries(options: HubSpotClientOptions): HubSpotDeliveries {
  const client = createHubSpotClient(options);
  return {
    'crm.booking': createBookingDelivery(client),
    'crm.newsletter': createNewsletterDelivery(client),
    'crm.newsletter-withdrawal': createNewsletterWithdrawalDelivery(client),
    'crm.whatsapp-consent': createWhatsappConsentDelivery(client),
    'crm.rights-request': createRightsRequestDelivery(client),
    'crm.guardian-consent': createGuardianConsentDelivery(client),
    'crm.booking-deletion': createBookingDeletionDelivery(client),
    'crm.retention': createCrmRetentionDelivery(client),
    'crm.erasure': createCrmErasureDelivery(client),
  };
}
