import { describe, expect, it } from 'vitest';
import { clinic } from '#functions/clinic/clinic.ts';
import { retention } from '#functions/clinic/retention.ts';
import { clinicTokens, replaceClinicTokens } from '#src/lib/clinic-tokens.ts';

describe('content tokens', () => {
  it('fills contacts and periods from the site config', () => {
    expect(replaceClinicTokens('Write to {{ grievance.email }} within {{retention.websiteLeadMonths}} months')).toBe(
      `Write to ${clinic.grievanceOfficer.email} within ${retention.websiteLeadMonths} months`,
    );
  });

  it('fails the build on a token the config does not define', () => {
    expect(() => replaceClinicTokens('Call {{grievance.fax}}')).toThrow('Unknown content token {{grievance.fax}}');
  });

  it('offers every retention period, and the same tokens in each language', () => {
    for (const key of Object.keys(retention)) expect(clinicTokens.en).toHaveProperty([`retention.${key}`]);
    expect(Object.keys(clinicTokens.hi).sort()).toEqual(Object.keys(clinicTokens.en).sort());
  });
});
