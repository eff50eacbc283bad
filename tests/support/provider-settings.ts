import type { FakeHubSpot } from './fake-hubspot.ts';
import type { FakeResend } from './fake-resend.ts';

export const testFrontDeskEmail = 'desk@clinic.test';

/** The delivery settings of a server or worker whose HubSpot and Resend are the fakes. */
export function fakeProviderSettings(hubspot: FakeHubSpot, resend: FakeResend) {
  return {
    HUBSPOT_ACCESS_TOKEN: 'pat-test',
    HUBSPOT_BASE_URL: hubspot.url,
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.baseUrl,
    EMAIL_FROM: 'Kalpa Clinics <hello@mail.clinic.test>',
    FRONT_DESK_EMAIL: testFrontDeskEmail,
  };
}
