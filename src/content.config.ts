import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { findBranch } from '#functions/clinic/availability.ts';
import { branchIds, specialties, specialtyIds } from '#functions/clinic/clinic.ts';
import { councilIds, councils } from '#src/lib/councils.ts';
import { audiences } from '#src/lib/pages-for-under-18s.ts';

const plainText = (max: number) => z.string().trim().min(1).max(max);
const seoDescription = z.string().trim().min(50).max(160);

const treatments = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/treatments' }),
  schema: z.object({
    title: plainText(60),
    specialty: z.enum(specialtyIds),
    order: z.number().int().nonnegative(),
    summary: plainText(200),
    description: seoDescription,
    suits: z.array(plainText(240)).min(2),
    notSuitableFor: z.array(plainText(240)).default([]),
    steps: z.array(z.object({ title: plainText(80), detail: plainText(400) })).min(3),
    sessions: plainText(160),
    sessionLength: plainText(160),
    recovery: plainText(600),
    risks: z.array(plainText(300)).min(2),
    price: z
      .object({
        from: z.number().int().positive(),
        to: z.number().int().positive(),
        unit: plainText(60),
      })
      .refine((price) => price.to >= price.from, 'price.to must not be below price.from'),
    faqs: z.array(z.object({ question: plainText(160), answer: plainText(800) })).min(3),
    /** `under-18`: written for children and teenagers, so the page never loads a tracker (pages-for-under-18s.ts). */
    audience: z.enum(audiences).default('everyone'),
  }),
});

const locations = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/locations' }),
  schema: z.object({
    branch: z.enum(branchIds),
    description: seoDescription,
    landmark: plainText(200),
    gettingThere: z.array(plainText(300)).min(1),
    parking: plainText(300),
    accessibility: plainText(400),
  }),
});

const registration = z
  .object({ council: z.enum(councilIds), number: plainText(30) })
  .refine(({ council, number }) => councils[council].numberFormat.test(number), {
    message: 'not in the form this council gives its registration numbers (see src/lib/councils.ts)',
    path: ['number'],
  });

const doctors = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/doctors' }),
  schema: z
    .object({
      name: plainText(80),
      specialty: z.enum(specialtyIds),
      role: plainText(80),
      qualifications: z.array(plainText(120)).min(1),
      /** One per state council the doctor is registered with. */
      registrations: z.array(registration).min(1),
      /** The year the doctor began to practise after qualifying: the site counts the years from it. */
      practisingSince: z.number().int().min(1950).max(new Date().getFullYear()),
      languages: z.array(plainText(40)).min(1),
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

const legal = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/legal' }),
  schema: z.object({
    title: plainText(80),
    description: seoDescription,
    lastUpdated: z.coerce.date(),
    version: plainText(20),
  }),
});

export const collections = { treatments, locations, doctors, legal };
