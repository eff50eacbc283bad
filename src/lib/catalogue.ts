import { type CollectionEntry, getCollection } from 'astro:content';
import { branches, type SpecialtyId, specialties, specialtyIds } from '#functions/clinic/clinic.ts';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';

export { findBranch } from '#functions/clinic/availability.ts';

export type Treatment = CollectionEntry<'treatments'>;

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

export async function doctorsInOrder() {
  return (await getCollection('doctors')).sort(byOrder);
}

export const treatmentPath = (id: string) => `/treatments/${id}/`;
export const locationPath = (id: string) => `/locations/${id}/`;
export const bookingPath = (treatmentId?: string) =>
  treatmentId ? `/book/?treatment=${encodeURIComponent(treatmentId)}` : '/book/';
