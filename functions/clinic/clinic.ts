/**
 * The clinic's identity in one place, so another clinic can rebrand the site by editing this file.
 * The bottom of the code's layers: the server, the pages and the emails all read it, and it reads nothing of theirs.
 * Every contact below is a fictional demo value (example.com addresses, 5550-style numbers).
 */
import type { Locale } from './locales.ts';

/**
 * `consultationFee`: what a first consultation costs, in rupees, paid at the clinic; the doctor's written plan
 * gives the price of any treatment. `medicalSpecialty`: schema.org's name for the specialty. `profession`: whether
 * its doctors are dentists (registered with a state dental council) or medical doctors (a state medical council).
 */
export const specialties = {
  dental: {
    label: 'Dental care',
    shortLabel: 'Dental',
    schemaType: 'Dentist',
    medicalSpecialty: 'Dentistry',
    profession: 'dental',
    consultationFee: 500,
  },
  skin: {
    label: 'Skin care',
    shortLabel: 'Skin',
    schemaType: 'MedicalClinic',
    medicalSpecialty: 'Dermatology',
    profession: 'medical',
    consultationFee: 800,
  },
  hair: {
    label: 'Hair care',
    shortLabel: 'Hair',
    schemaType: 'MedicalClinic',
    medicalSpecialty: 'Dermatology',
    profession: 'medical',
    consultationFee: 800,
  },
} as const;

export type SpecialtyId = keyof typeof specialties;
export const specialtyIds = Object.keys(specialties) as [SpecialtyId, ...SpecialtyId[]];

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** Opening hours as 24-hour "HH:MM" clock times in the clinic's time zone; a missing day is closed. */
export type OpeningHours = Partial<Record<Weekday, { opens: string; closes: string }>>;

export interface Branch {
  id: string;
  name: string;
  city: string;
  address: {
    street: string;
    locality: string;
    city: string;
    state: string;
    postalCode: string;
  };
  geo: { latitude: number; longitude: number };
  /** E.164 numbers: rendered for humans by `formatPhone`, used raw in `tel:` and `wa.me` links. */
  phone: string;
  whatsapp: string;
  email: string;
  hours: OpeningHours;
  specialties: readonly SpecialtyId[];
}

const weekdayHours = { opens: '10:00', closes: '19:30' };
const sameHours = (days: readonly Weekday[], hours: { opens: string; closes: string }): OpeningHours =>
  Object.fromEntries(days.map((day) => [day, hours]));

export const branches = [
  {
    id: 'bengaluru-indiranagar',
    name: 'Indiranagar, Bengaluru',
    city: 'Bengaluru',
    address: {
      street: 'Demo Building, 2nd Floor, 100 Feet Road',
      locality: 'Indiranagar',
      city: 'Bengaluru',
      state: 'Karnataka',
      postalCode: '560038',
    },
    geo: { latitude: 12.9719, longitude: 77.6412 },
    phone: '+918045550101',
    whatsapp: '+919555000101',
    email: 'indiranagar@example.com',
    hours: {
      ...sameHours(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], weekdayHours),
      sunday: { opens: '10:00', closes: '14:00' },
    },
    specialties: ['dental', 'skin', 'hair'],
  },
  {
    id: 'mumbai-bandra',
    name: 'Bandra West, Mumbai',
    city: 'Mumbai',
    address: {
      street: 'Demo House, 1st Floor, Hill Road',
      locality: 'Bandra West',
      city: 'Mumbai',
      state: 'Maharashtra',
      postalCode: '400050',
    },
    geo: { latitude: 19.0544, longitude: 72.8347 },
    phone: '+912255500202',
    whatsapp: '+919555000202',
    email: 'bandra@example.com',
    hours: {
      ...sameHours(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], weekdayHours),
      saturday: { opens: '10:00', closes: '17:00' },
    },
    specialties: ['dental', 'skin'],
  },
  {
    id: 'delhi-hauz-khas',
    name: 'Hauz Khas, New Delhi',
    city: 'New Delhi',
    address: {
      street: 'Demo Plaza, Ground Floor, Aurobindo Marg',
      locality: 'Hauz Khas',
      city: 'New Delhi',
      state: 'Delhi',
      postalCode: '110016',
    },
    geo: { latitude: 28.5494, longitude: 77.2001 },
    phone: '+911155500303',
    whatsapp: '+919555000303',
    email: 'hauzkhas@example.com',
    hours: {
      ...sameHours(['tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], weekdayHours),
      sunday: { opens: '10:00', closes: '16:00' },
    },
    specialties: ['skin', 'hair'],
  },
] as const satisfies readonly Branch[];

export type BranchId = (typeof branches)[number]['id'];
export const branchIds = branches.map((branch) => branch.id) as [BranchId, ...BranchId[]];

/**
 * The clinic's reviews on a platform patients trust, such as its Google Business Profile's reviews page: the
 * site links to them. Unset, the site shows no reviews at all; it never shows ratings of its own.
 */
const reviewsUrl: string | undefined = undefined;

export const clinic = {
  brand: 'Kalpa Clinics',
  tagline: 'Dental, skin and hair care, explained honestly',
  legalName: 'Kalpa Health Services Private Limited (demo entity)',
  registeredOffice: 'Demo Building, 2nd Floor, 100 Feet Road, Indiranagar, Bengaluru 560038, Karnataka, India',
  timeZone: 'Asia/Kolkata',
  /** Starts every reference the website gives a request (KC-7Q4M-X2P9): two to four capital letters. */
  referencePrefix: 'KC',
  locale: 'en-IN',
  currency: 'INR',
  phone: '+918045550100',
  whatsapp: '+919555000100',
  email: 'care@example.com',
  reviewsUrl,
  grievanceOfficer: {
    name: 'Meera Iyer (demo)',
    title: 'Data Protection Officer and Grievance Officer',
    email: 'privacy@example.com',
    phone: '+918045550199',
    postalAddress: 'Demo Building, 2nd Floor, 100 Feet Road, Indiranagar, Bengaluru 560038',
    acknowledgeWithinHours: 48,
    resolveWithinDays: 30,
    /** The name and title as the Hindi pages and policies write them. */
    inHindi: { name: 'मीरा अय्यर (डेमो)', title: 'डेटा प्रोटेक्शन ऑफ़िसर और शिकायत अधिकारी' },
  },
  /** Where to report a security problem, published in /.well-known/security.txt (RFC 9116). */
  securityContact: {
    email: 'security@example.com',
    /** The file's Expires is this many days after the build: a deployment older than that is marked stale. */
    expiresAfterDays: 180,
  },
} as const;

/** The Grievance Officer's name and title as a page or email in `locale` writes them. */
export function grievanceOfficerIn(locale: Locale): { name: string; title: string } {
  const officer = clinic.grievanceOfficer;
  return locale === 'hi' ? officer.inHindi : officer;
}
