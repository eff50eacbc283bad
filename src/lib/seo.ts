import { type Branch, clinic, type SpecialtyId, specialties, weekdays } from '#functions/clinic/clinic.ts';

type JsonLd = Record<string, unknown>;

export interface Crumb {
  name: string;
  path: string;
}

export interface TreatmentFacts {
  title: string;
  description: string;
  specialty: SpecialtyId;
  steps: readonly { title: string; detail: string }[];
  recovery: string;
  price: { from: number; to: number; unit: string };
  faqs: readonly { question: string; answer: string }[];
}

const schemaDay = (day: string) => `https://schema.org/${day[0]?.toUpperCase()}${day.slice(1)}`;

export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[], site: URL | string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path, site),
    })),
  };
}

/** A branch that offers dentistry is both a `MedicalClinic` and a `Dentist` to search engines. */
export function branchJsonLd(branch: Branch, path: string, site: URL | string, name = branch.name): JsonLd {
  const types = [...new Set(branch.specialties.map((id) => specialties[id].schemaType))].sort(
    (a, b) => Number(a === 'Dentist') - Number(b === 'Dentist'),
  );
  return {
    '@context': 'https://schema.org',
    '@type': types.includes('MedicalClinic') ? types : ['MedicalClinic', ...types],
    '@id': `${absoluteUrl(path, site)}#clinic`,
    name: `${clinic.brand}, ${name}`,
    url: absoluteUrl(path, site),
    telephone: branch.phone,
    email: branch.email,
    medicalSpecialty: [...new Set(branch.specialties.map((id) => specialties[id].medicalSpecialty))],
    address: {
      '@type': 'PostalAddress',
      streetAddress: branch.address.street,
      addressLocality: `${branch.address.locality}, ${branch.address.city}`,
      addressRegion: branch.address.state,
      postalCode: branch.address.postalCode,
      addressCountry: 'IN',
    },
    geo: { '@type': 'GeoCoordinates', latitude: branch.geo.latitude, longitude: branch.geo.longitude },
    openingHoursSpecification: weekdays.flatMap((day) => {
      const hours = branch.hours[day];
      return hours
        ? [
            {
              '@type': 'OpeningHoursSpecification',
              dayOfWeek: schemaDay(day),
              opens: hours.opens,
              closes: hours.closes,
            },
          ]
        : [];
    }),
    parentOrganization: { '@type': 'Organization', name: clinic.legalName },
  };
}

export function treatmentJsonLd(treatment: TreatmentFacts, path: string, site: URL | string): JsonLd[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'MedicalProcedure',
      name: treatment.title,
      description: treatment.description,
      url: absoluteUrl(path, site),
      howPerformed: treatment.steps.map((step) => `${step.title}: ${step.detail}`).join(' '),
      followup: treatment.recovery,
      relevantSpecialty: specialties[treatment.specialty].medicalSpecialty,
      offers: {
        '@type': 'AggregateOffer',
        priceCurrency: clinic.currency,
        lowPrice: treatment.price.from,
        highPrice: treatment.price.to,
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: treatment.faqs.map((faq) => ({
        '@type': 'Question',
        name: faq.question,
        acceptedAnswer: { '@type': 'Answer', text: faq.answer },
      })),
    },
  ];
}

export interface DoctorFacts {
  id: string;
  name: string;
  role: string;
  specialty: SpecialtyId;
  qualifications: readonly string[];
  registrations: readonly { council: string; number: string }[];
  languages: readonly string[];
  branches: readonly { name: string; path: string }[];
}

/**
 * A dentist is a schema.org `Dentist`, any other doctor a `Physician`: their qualifications and council
 * registrations as credentials, and the branches they see patients at (each branch page's `#clinic`).
 */
export function doctorJsonLd(doctor: DoctorFacts, path: string, site: URL | string): JsonLd {
  const specialty = specialties[doctor.specialty];
  return {
    '@context': 'https://schema.org',
    '@type': specialty.profession === 'dental' ? 'Dentist' : 'Physician',
    '@id': absoluteUrl(path, site),
    name: doctor.name,
    description: doctor.role,
    url: absoluteUrl(path, site),
    medicalSpecialty: specialty.medicalSpecialty,
    knowsLanguage: doctor.languages,
    hasCredential: [
      ...doctor.qualifications.map((name) => ({
        '@type': 'EducationalOccupationalCredential',
        credentialCategory: 'degree',
        name,
      })),
      ...doctor.registrations.map(({ council, number }) => ({
        '@type': 'EducationalOccupationalCredential',
        credentialCategory: 'registration',
        name: `${council} registration ${number}`,
        identifier: number,
        recognizedBy: { '@type': 'Organization', name: council },
      })),
    ],
    location: doctor.branches.map((branch) => ({
      '@type': 'MedicalClinic',
      '@id': `${absoluteUrl(branch.path, site)}#clinic`,
      name: `${clinic.brand}, ${branch.name}`,
    })),
    parentOrganization: { '@type': 'MedicalOrganization', name: clinic.brand },
  };
}

export function organizationJsonLd(site: URL | string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalOrganization',
    name: clinic.brand,
    legalName: clinic.legalName,
    url: absoluteUrl('/', site),
    email: clinic.email,
    telephone: clinic.phone,
  };
}

/** JSON for a `<script>` data block (JSON-LD, the banner's words), safe against `</script>` in content. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
