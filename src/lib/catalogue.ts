import { type CollectionEntry, getCollection } from 'astro:content';
import { findBranch } from '#functions/clinic/availability.ts';
import { branches, type SpecialtyId, specialties, specialtyIds } from '#functions/clinic/clinic.ts';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';
import { councils } from './councils.ts';
import type { DoctorFacts } from './seo.ts';

export { findBranch };

export type Treatment = CollectionEntry<'treatments'>;
export type Doctor = CollectionEntry<'doctors'>;

/** What the booking form offers, in the order it lists them: by specialty, then as each specialty orders them. */
export function bookableTreatments(treatments: readonly Treatment[]): BookableTreatment[] {
  return [...treatments]
    .sort(
      (a, b) =>
        specialties[a.data.specialty].label.localeCompare(specialties[b.data.specialty].label) ||
        a.data.order - b.data.order,
    )
    .map((entry) => ({ id: entry.id, title: entry.data.title, specialty: entry.data.specialty }));
}

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;

export async function treatmentsBySpecialty(): Promise<{ specialty: SpecialtyId; treatments: Treatment[] }[]> {
  const treatments = await getCollection('treatments');
  return specialtyIds.map((specialty) => ({
    specialty,
    treatments: treatments.filter((treatment) => treatment.data.specialty === specialty).sort(byOrder),
  }));
}

export function branchesOffering(specialty: SpecialtyId) {
  return branches.filter((branch) => (branch.specialties as readonly SpecialtyId[]).includes(specialty));
}

export async function doctorsInOrder(): Promise<Doctor[]> {
  return (await getCollection('doctors')).sort(byOrder);
}

export async function doctorsOf(specialty: SpecialtyId): Promise<Doctor[]> {
  return (await doctorsInOrder()).filter((doctor) => doctor.data.specialty === specialty);
}

/** A doctor as the pages and their structured data name them: councils and branches by name. */
export function doctorFacts(doctor: Doctor): DoctorFacts {
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
    branches: doctor.data.branches.map((id) => ({ name: findBranch(id).name, path: locationPath(id) })),
  };
}

/** Whole years since the year a doctor began to practise, counted at build time. */
export function yearsInPractice(since: number, today: string): number {
  return Number(today.slice(0, 4)) - since;
}

export const treatmentPath = (id: string) => `/treatments/${id}/`;
export const locationPath = (id: string) => `/locations/${id}/`;
export const doctorsPath = '/doctors/';
export const doctorPath = (id: string) => `${doctorsPath}#${id}`;
export const bookingPath = (treatmentId?: string) =>
  treatmentId ? `/book/?treatment=${encodeURIComponent(treatmentId)}` : '/book/';
