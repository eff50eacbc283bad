import { describe, expect, it } from 'vitest';
import { branches } from '#functions/clinic/clinic.ts';
import { branchJsonLd, breadcrumbJsonLd, serializeJsonLd, treatmentJsonLd } from '#src/lib/seo.ts';

const site = 'https://clinic.example.com';

describe('branchJsonLd', () => {
  it('marks a branch with dentistry as both MedicalClinic and Dentist', () => {
    const bengaluru = branches.find((branch) => branch.id === 'bengaluru-indiranagar');
    if (!bengaluru) throw new Error('fixture branch missing');
    const data = branchJsonLd(bengaluru, '/locations/bengaluru-indiranagar/', site);
    expect(data['@type']).toEqual(['MedicalClinic', 'Dentist']);
    expect(data.url).toBe('https://clinic.example.com/locations/bengaluru-indiranagar/');
    expect(data.openingHoursSpecification).toHaveLength(7);
  });

  it('lists only the open days of a branch with a closed day', () => {
    const delhi = branches.find((branch) => branch.id === 'delhi-hauz-khas');
    if (!delhi) throw new Error('fixture branch missing');
    const data = branchJsonLd(delhi, '/locations/delhi-hauz-khas/', site);
    expect(data['@type']).toEqual(['MedicalClinic']);
    const days = (data.openingHoursSpecification as { dayOfWeek: string }[]).map((spec) => spec.dayOfWeek);
    expect(days).not.toContain('https://schema.org/Monday');
    expect(days).toContain('https://schema.org/Sunday');
  });
});

describe('treatmentJsonLd', () => {
  it('describes the procedure, its price range in INR, and the FAQs', () => {
    const [procedure, faqPage] = treatmentJsonLd(
      {
        title: 'Teeth whitening',
        description: 'Whitening',
        specialty: 'dental',
        steps: [{ title: 'Shade check', detail: 'We record the starting shade.' }],
        recovery: 'Avoid tea for 48 hours.',
        price: { from: 12000, to: 30000, unit: 'full course' },
        faqs: [{ question: 'Does it hurt?', answer: 'Some people feel sensitivity.' }],
      },
      '/treatments/teeth-whitening/',
      site,
    );
    expect(procedure).toMatchObject({
      '@type': 'MedicalProcedure',
      relevantSpecialty: 'Dentistry',
      offers: { priceCurrency: 'INR', lowPrice: 12000, highPrice: 30000 },
    });
    expect(faqPage).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [{ name: 'Does it hurt?', acceptedAnswer: { text: 'Some people feel sensitivity.' } }],
    });
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers crumbs from 1 with absolute URLs', () => {
    const data = breadcrumbJsonLd(
      [
        { name: 'Home', path: '/' },
        { name: 'Treatments', path: '/treatments/' },
      ],
      site,
    );
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://clinic.example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Treatments', item: 'https://clinic.example.com/treatments/' },
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the surrounding script element', () => {
    const json = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
