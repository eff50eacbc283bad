import { type CollectionEntry, getCollection } from 'astro:content';
import { findBranch } from '#functions/clinic/availability.ts';
import { branches, type SpecialtyId, specialties, specialtyIds } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { defaultLocale, type Locale, locales } from '#functions/clinic/locales.ts';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';
import { councils } from './councils.ts';
import { localizedPath } from './i18n.ts';
import type { DoctorFacts } from './seo.ts';

export { findBranch };

type Twinned = 'treatments' | 'locations' | 'doctors' | 'legal';
const hindiCollection = {
  treatments: 'hindiTreatments',
  locations: 'hindiLocations',
  doctors: 'hindiDoctors',
  legal: 'hindiLegal',
} as const;
type HindiCollection = (typeof hindiCollection)[Twinned];

/**
 * An entry in one language: the English entry's facts with that language's words (`data`), and the entry whose
 * Markdown body is the page's text in it (`body`, for `render`).
 */
export interface Localized<Name extends Twinned> {
  id: string;
  data: CollectionEntry<Name>['data'];
  body: CollectionEntry<Name> | CollectionEntry<HindiCollection>;
}

export type Treatment = Localized<'treatments'>;
export type Location = Localized<'locations'>;
export type Doctor = Localized<'doctors'>;
/** A policy or the terms: the English entry's date and version, the language's words and body. */
export type LegalPage = Localized<'legal'>;

/** How a Hindi twin's words replace the English ones: field by field, the price's unit inside the price. */
const withHindiWords: {
  [Name in Twinned]: (
    english: CollectionEntry<Name>['data'],
    words: CollectionEntry<(typeof hindiCollection)[Name]>['data'],
  ) => CollectionEntry<Name>['data'];
} = {
  treatments: (english, { priceUnit, ...words }) => ({
    ...english,
    ...words,
    price: { ...english.price, unit: priceUnit },
  }),
  locations: (english, words) => ({ ...english, ...words }),
  doctors: (english, words) => ({ ...english, ...words }),
  legal: (english, words) => ({ ...english, ...words }),
};

async function entriesIn<Name extends Twinned>(collection: Name, locale: Locale): Promise<Localized<Name>[]> {
  const english = (await getCollection(collection)) as CollectionEntry<Name>[];
  if (locale === defaultLocale) return english.map((entry) => ({ id: entry.id, data: entry.data, body: entry }));
  const twins = new Map(
    ((await getCollection(hindiCollection[collection])) as CollectionEntry<HindiCollection>[]).map((twin) => [
      twin.id,
      twin,
    ]),
  );
  const combine = withHindiWords[collection] as unknown as (
    english: CollectionEntry<Name>['data'],
    words: CollectionEntry<HindiCollection>['data'],
  ) => CollectionEntry<Name>['data'];
  return english.map((entry) => {
    const twin = twins.get(entry.id);
    // translation-check.ts refuses to build without every twin; this only guards the dev server.
    if (!twin) throw new Error(`content/hi/${collection}/${entry.id}.md is missing`);
    return { id: entry.id, data: combine(entry.data, twin.data), body: twin };
  });
}

/** The booking form's treatments, in the order it lists them, with their titles in the entries' language. */
export function bookableTreatments(treatments: readonly Pick<Treatment, 'id' | 'data'>[]): BookableTreatment[] {
  return [...treatments]
    .sort(
      (a, b) =>
        specialties[a.data.specialty].label.localeCompare(specialties[b.data.specialty].label) ||
        a.data.order - b.data.order,
    )
    .map((entry) => ({ id: entry.id, title: entry.data.title, specialty: entry.data.specialty }));
}

/**
 * The treatments the server takes bookings for (src/pages/book/treatments.json.ts): the English titles staff read,
 * and each treatment's title in every language, for the emails to a patient or guardian in their page's.
 */
export async function bookableTreatmentsForServer(): Promise<BookableTreatment[]> {
  const titles = await Promise.all(
    locales.map(async (locale) => new Map((await treatmentsIn(locale)).map(({ id, data }) => [id, data.title]))),
  );
  return bookableTreatments(await treatmentsIn(defaultLocale)).map((treatment) => ({
    ...treatment,
    titles: Object.fromEntries(
      locales.map((locale, index) => [locale, titles[index]?.get(treatment.id) ?? treatment.title]),
    ) as Record<Locale, string>,
  }));
}

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;

export const treatmentsIn = (locale: Locale) => entriesIn('treatments', locale);
export const locationsIn = (locale: Locale) => entriesIn('locations', locale);

export async function treatmentIn(locale: Locale, id: string): Promise<Treatment> {
  const treatment = (await treatmentsIn(locale)).find((entry) => entry.id === id);
  if (!treatment) throw new Error(`No treatment ${id}`);
  return treatment;
}

/** A branch's page, by the branch's id. */
export async function locationIn(locale: Locale, branchId: string): Promise<Location> {
  const location = (await locationsIn(locale)).find((entry) => entry.data.branch === branchId);
  if (!location) throw new Error(`No location page for ${branchId}`);
  return location;
}

/** The treatment pages' routes: one per entry, the same ids in every language. */
export const treatmentRoutes = async () => (await getCollection('treatments')).map(({ id }) => ({ params: { id } }));
/** The policies' and terms' routes: one per entry, the same ids in every language. */
export const legalRoutes = async () => (await getCollection('legal')).map(({ id }) => ({ params: { legal: id } }));

export async function legalPageIn(locale: Locale, id: string): Promise<LegalPage> {
  const page = (await entriesIn('legal', locale)).find((entry) => entry.id === id);
  if (!page) throw new Error(`No legal page ${id}`);
  return page;
}

/** The branch pages' routes, by branch id. */
export const locationRoutes = async () =>
  (await getCollection('locations')).map(({ data }) => ({ params: { id: data.branch } }));

export async function treatmentsBySpecialty(
  locale: Locale = defaultLocale,
): Promise<{ specialty: SpecialtyId; treatments: Treatment[] }[]> {
  const treatments = await treatmentsIn(locale);
  return specialtyIds.map((specialty) => ({
    specialty,
    treatments: treatments.filter((treatment) => treatment.data.specialty === specialty).sort(byOrder),
  }));
}

export function branchesOffering(specialty: SpecialtyId) {
  return branches.filter((branch) => (branch.specialties as readonly SpecialtyId[]).includes(specialty));
}

export async function doctorsInOrder(locale: Locale = defaultLocale): Promise<Doctor[]> {
  return (await entriesIn('doctors', locale)).sort(byOrder);
}

export async function doctorsOf(specialty: SpecialtyId, locale: Locale = defaultLocale): Promise<Doctor[]> {
  return (await doctorsInOrder(locale)).filter((doctor) => doctor.data.specialty === specialty);
}

/** A doctor as the pages and their structured data name them: councils and branches by name. */
export function doctorFacts(doctor: Doctor, locale: Locale = defaultLocale): DoctorFacts {
  const { name, role, specialty, qualifications, languages } = doctor.data;
  return {
    id: doctor.id,
    name,
    role,
    specialty,
    qualifications,
    languages,
    registrations: doctor.data.registrations.map(({ council, number }) => ({
      council: councils[council].name,
      number,
    })),
    branches: doctor.data.branches.map((id) => ({
      name: clinicLabels[locale].branches[id].name,
      path: locationPath(id, locale),
    })),
  };
}

/** Whole years since the year a doctor began to practise, counted at build time. */
export function yearsInPractice(since: number, today: string): number {
  return Number(today.slice(0, 4)) - since;
}

export const treatmentPath = (id: string, locale: Locale = defaultLocale) =>
  localizedPath(locale, `/treatments/${id}/`);
export const locationPath = (id: string, locale: Locale = defaultLocale) => localizedPath(locale, `/locations/${id}/`);
export const doctorsPath = (locale: Locale = defaultLocale) => localizedPath(locale, '/doctors/');
export const doctorPath = (id: string, locale: Locale = defaultLocale) => `${doctorsPath(locale)}#${id}`;
/** The booking form, in the page's language once it has a twin in it (English until then). */
export const bookingPath = (treatmentId?: string, locale: Locale = defaultLocale) => {
  const path = localizedPath(locale, '/book/');
  return treatmentId ? `${path}?treatment=${encodeURIComponent(treatmentId)}` : path;
};
