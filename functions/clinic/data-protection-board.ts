/**
 * The Data Protection Board of India, which hears complaints under the DPDP Act 2023 once the clinic's own
 * grievance process is done (s.13(3)). It works as a digital office (DPDP Rules 2025): complaints are made online.
 * A module of its own because the consent banner quotes it: importing clinic.ts would bring the whole config into
 * the banner's script.
 */
export const dataProtectionBoard = {
  name: 'Data Protection Board of India',
  /** Its name in the Hindi text of the DPDP Act 2023. */
  nameInHindi: 'भारतीय डेटा संरक्षण बोर्ड',
  website: 'https://www.dpb.gov.in',
} as const;
