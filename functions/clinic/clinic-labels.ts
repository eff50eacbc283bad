/**
 * The names the configuration gives its things (specialties, branches, times of day), in each of the
 * site's languages. English comes from the configuration itself; the Hindi names are written here, and the
 * compiler asks for one per id, so a new branch or choice cannot go without its Hindi name. Addresses stay as the
 * post and maps write them (in English); staff read the English names (CRM, emails to the front desk).
 */
import { type BranchId, branches, type SpecialtyId, specialties } from './clinic.ts';
import type { Locale } from './locales.ts';
import { type TimeWindowId, timeWindows } from './time-windows.ts';

export interface ClinicLabels {
  specialties: Record<SpecialtyId, { label: string; shortLabel: string }>;
  branches: Record<BranchId, { name: string; city: string }>;
  timeWindows: Record<TimeWindowId, string>;
}

export const mapValues = <Key extends string, From, To>(record: Record<Key, From>, to: (value: From) => To) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, to(value as From)])) as Record<Key, To>;

const english: ClinicLabels = {
  specialties: mapValues(specialties, ({ label, shortLabel }) => ({ label, shortLabel })),
  branches: Object.fromEntries(branches.map(({ id, name, city }) => [id, { name, city }])) as ClinicLabels['branches'],
  timeWindows: mapValues(timeWindows, ({ label }) => label),
};

const hindi: ClinicLabels = {
  specialties: {
    dental: { label: 'दांतों की देखभाल', shortLabel: 'दांत' },
    skin: { label: 'त्वचा की देखभाल', shortLabel: 'त्वचा' },
    hair: { label: 'बालों की देखभाल', shortLabel: 'बाल' },
  },
  branches: {
    'bengaluru-indiranagar': { name: 'इंदिरानगर, बेंगलुरु', city: 'बेंगलुरु' },
    'mumbai-bandra': { name: 'बांद्रा वेस्ट, मुंबई', city: 'मुंबई' },
    'delhi-hauz-khas': { name: 'हौज़ ख़ास, नई दिल्ली', city: 'नई दिल्ली' },
  },
  timeWindows: {
    morning: 'सुबह (दोपहर 12 बजे से पहले)',
    afternoon: 'दोपहर (12 बजे से 4 बजे तक)',
    evening: 'शाम (4 बजे के बाद)',
  },
};

export const clinicLabels: Readonly<Record<Locale, ClinicLabels>> = { en: english, hi: hindi };
