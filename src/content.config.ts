import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { findBranch } from '#functions/clinic/availability.ts';
import { branchIds, specialties, specialtyIds } from '#functions/clinic/clinic.ts';
import { doctorText, legalText, locationText, plainText, priceUnit, treatmentText } from '#src/lib/content-twins.ts';
import { councilIds, councils } from '#src/lib/councils.ts';
import { audiences } from '#src/lib/pages-for-under-18s.ts';

/**
 * Every page's entry is written in English (content/<collection>/) and in Hindi (content/hi/<collection>/, same
 * file name). The English entry holds the facts (specialty, prices, branches, registrations…) and its words; the
 * Hindi twin holds only the words, in the same fields (content-twins.ts), and the pages read the facts from the
 * English one. The build refuses an entry without its twin, or a list of another length (translation-check.ts).
 */
const entriesIn = (collection: string) => glob({ pattern: '**/*.md', base: `./content/${collection}` });

const treatments = defineCollection({
  loader: entriesIn('treatments'),
  schema: z.object({
    ...treatmentText,
    specialty: z.enum(specialtyIds),
    order: z.number().int().nonnegative(),
    price: z
      .object({
        from: z.number().int().positive(),
        to: z.number().int().positive(),
        unit: priceUnit,
      })
      .refine((price) => price.to >= price.from, 'price.to must not be below price.from'),
    /** `under-18`: written for children and teenagers, so the page never loads a tracker (pages-for-under-18s.ts). */
    audience: z.enum(audiences).default('everyone'),
  }),
});

/** Strict: a fact typed into a Hindi twin would be silently ignored, so it is refused. */
const hindiTreatments = defineCollection({
  loader: entriesIn('hi/treatments'),
  schema: z.strictObject({ ...treatmentText, priceUnit }),
});

const locations = defineCollection({
  loader: entriesIn('locations'),
  schema: z.object({ ...locationText, branch: z.enum(branchIds) }),
});

const hindiLocations = defineCollection({ loader: entriesIn('hi/locations'), schema: z.strictObject(locationText) });

const registration = z
  .object({ council: z.enum(councilIds), number: plainText(30) })
  .refine(({ council, number }) => councils[council].numberFormat.test(number), {
    message: 'not in the form this council gives its registration numbers (see src/lib/councils.ts)',
    path: ['number'],
  });

const doctors = defineCollection({
  loader: entriesIn('doctors'),
  schema: z
    .object({
      ...doctorText,
      specialty: z.enum(specialtyIds),
      /** One per state council the doctor is registered with. */
      registrations: z.array(registration).min(1),
      /** The year the doctor began to practise after qualifying: the site counts the years from it. */
      practisingSince: z.number().int().min(1950).max(new Date().getFullYear()),
      branches: z.array(z.enum(branchIds)).min(1),
      order: z.number().int().nonnegative(),
    })
    .superRefine((doctor, context) => {
      // Registered in every state they see patients in, with the council of their profession.
      const { profession } = specialties[doctor.specialty];
      for (const state of new Set(doctor.branches.map((id) => findBranch(id).address.state))) {
        const registered = doctor.registrations.some(
          ({ council }) => councils[council].state === state && councils[council].profession === profession,
        );
        if (!registered) {
          context.addIssue({
            code: 'custom',
            path: ['registrations'],
            message: `sees patients in ${state}: add the registration with ${state}'s ${profession} council`,
          });
        }
      }
    }),
});

const hindiDoctors = defineCollection({ loader: entriesIn('hi/doctors'), schema: z.strictObject(doctorText) });

const legal = defineCollection({
  loader: entriesIn('legal'),
  schema: z.object({ ...legalText, lastUpdated: z.coerce.date(), version: plainText(20) }),
});

/** The policies in Hindi: the same sections (`## … {#english-id}`) and `{{tokens}}`, filled with Hindi words. */
const hindiLegal = defineCollection({ loader: entriesIn('hi/legal'), schema: z.strictObject(legalText) });

export const collections = {
  treatments,
  hindiTreatments,
  locations,
  hindiLocations,
  doctors,
  hindiDoctors,
  legal,
  hindiLegal,
};
