import { type CollectionEntry, getCollection } from 'astro:content';
import { branches, type SpecialtyId, specialtyIds } from '../config/clinic';

export { findBranch } from '../../functions/leads/availability';

export type Treatment = CollectionEntry<'treatments'>;

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
