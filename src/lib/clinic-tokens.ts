import { clinic, retention } from '../config/clinic';
import { formatPhone } from './format';

/**
 * Values that Markdown content may quote as `{{token}}`, so policies and pages never hard-code
 * a contact or a period that lives in the site config.
 */
export const clinicTokens: Readonly<Record<string, string>> = {
  brand: clinic.brand,
  legalName: clinic.legalName,
  registeredOffice: clinic.registeredOffice,
  email: clinic.email,
  phone: formatPhone(clinic.phone),
  whatsapp: formatPhone(clinic.whatsapp),
  'grievance.name': clinic.grievanceOfficer.name,
  'grievance.title': clinic.grievanceOfficer.title,
  'grievance.email': clinic.grievanceOfficer.email,
  'grievance.phone': formatPhone(clinic.grievanceOfficer.phone),
  'grievance.postalAddress': clinic.grievanceOfficer.postalAddress,
  'grievance.acknowledgeWithinHours': String(clinic.grievanceOfficer.acknowledgeWithinHours),
  'grievance.resolveWithinDays': String(clinic.grievanceOfficer.resolveWithinDays),
  ...Object.fromEntries(Object.entries(retention).map(([key, value]) => [`retention.${key}`, String(value)])),
};

const tokenPattern = /\{\{\s*([\w.]+)\s*\}\}/g;

export function replaceClinicTokens(text: string, tokens: Readonly<Record<string, string>> = clinicTokens): string {
  return text.replace(tokenPattern, (_match, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`Unknown content token {{${name}}}`);
    return value;
  });
}
