import { describe, expect, it } from 'vitest';
import { configuredDeliveries as configured } from '#functions/worker/configured-deliveries.ts';
import { testPreferencesUrl } from '../support/preferences-url.ts';

const configuredDeliveries = (settings: Parameters<typeof configured>[0]) =>
  configured(settings, { preferencesUrl: testPreferencesUrl('https://clinic.example') });

const hubspot = { HUBSPOT_ACCESS_TOKEN: 'pat-test' };
const email = {
  RESEND_API_KEY: 're_test',
  EMAIL_FROM: 'Clinic <hello@mail.example.com>',
  FRONT_DESK_EMAIL: 'desk@example.com',
  SITE_URL: 'https://clinic.example',
};

describe('configuredDeliveries', () => {
  it('leaves out every provider without its settings, and names what is missing', () => {
    expect(configuredDeliveries({})).toEqual({
      deliveries: {},
      missing: ['HUBSPOT_ACCESS_TOKEN', 'RESEND_API_KEY', 'EMAIL_FROM', 'FRONT_DESK_EMAIL', 'SITE_URL'],
    });
    expect(configuredDeliveries({ ...email, SITE_URL: '' })).toMatchObject({
      deliveries: {},
      missing: ['HUBSPOT_ACCESS_TOKEN', 'SITE_URL'],
    });
  });

  it('configures HubSpot for the CRM kinds and Resend for the email kinds', () => {
    const kinds = (env: Record<string, string>) => Object.keys(configuredDeliveries(env).deliveries).sort();
    expect(kinds(hubspot)).toEqual([
      'crm.booking',
      'crm.booking-deletion',
      'crm.erasure',
      'crm.guardian-consent',
      'crm.newsletter',
      'crm.newsletter-withdrawal',
      'crm.retention',
      'crm.rights-request',
      'crm.whatsapp-consent',
    ]);
    expect(kinds(email)).toEqual([
      'email.booking-confirmation',
      'email.front-desk',
      'email.guardian-consent',
      'email.newsletter-confirmation',
      'email.rights-acknowledgement',
    ]);
    expect(configuredDeliveries({ ...hubspot, ...email }).missing).toEqual([]);
  });
});
