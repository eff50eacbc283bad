/** The HubSpot deliveries, sharing the process's one HubSpot client. */
import type { Delivery } from '#functions/delivery/delivery.ts';
import { createBookingDelivery } from './booking.ts';
import { createHubSpotClient, type HubSpotClientOptions } from './client.ts';
import { createBookingDeletionDelivery, createGuardianConsentDelivery } from './guardian-consent.ts';
import { createNewsletterDelivery, createNewsletterWithdrawalDelivery } from './newsletter.ts';
import { createRightsRequestDelivery } from './rights-request.ts';

type CrmKind =
  | 'crm.booking'
  | 'crm.newsletter'
  | 'crm.newsletter-withdrawal'
  | 'crm.rights-request'
  | 'crm.guardian-consent'
  | 'crm.booking-deletion';

export type HubSpotDeliveries = { [Kind in CrmKind]: Delivery<Kind> };

/** Call once per process (see client.ts). */
export function createHubSpotDeliveries(options: HubSpotClientOptions): HubSpotDeliveries {
  const client = createHubSpotClient(options);
  return {
    'crm.booking': createBookingDelivery(client),
    'crm.newsletter': createNewsletterDelivery(client),
    'crm.newsletter-withdrawal': createNewsletterWithdrawalDelivery(client),
    'crm.rights-request': createRightsRequestDelivery(client),
    'crm.guardian-consent': createGuardianConsentDelivery(client),
    'crm.booking-deletion': createBookingDeletionDelivery(client),
  };
}
