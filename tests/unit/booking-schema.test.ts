import { describe, expect, it } from 'vitest';
import { createBookingSchema } from '#functions/forms/booking-schema.ts';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { toMobileE164 } from '#functions/intake/phone.ts';
import {
  adultBooking,
  adultBookingValues,
  treatments as bookable,
  bookingSchema,
  minorBooking,
  minorBookingValues,
  today,
} from '../support/lead-fixtures.ts';

function fieldsOf(body: unknown) {
  const result = parseWithFieldErrors(bookingSchema, body);
  if (result.ok) throw new Error('Expected the booking to be rejected');
  return result.fields;
}

function accepts(body: unknown): boolean {
  return bookingSchema.safeParse(body).success;
}

describe('createBookingSchema: an adult', () => {
  it('normalises a complete form into a BookingRequest', () => {
    const values = adultBookingValues({
      fullName: '  Asha   Rao ',
      mobile: '+91 98765-43210',
      email: ' Asha.Rao@Example.COM ',
      helpText: '  A chipped front tooth  ',
    });
    expect(bookingSchema.parse(values)).toEqual({
      submissionId: values.submissionId,
      locale: 'en',
      treatment: 'teeth-whitening',
      treatmentTitle: 'Teeth whitening',
      patientTreatmentTitle: 'Teeth whitening',
      branch: 'bengaluru-indiranagar',
      preferredDate: '2026-11-25',
      timeWindow: 'morning',
      fullName: 'Asha Rao',
      mobile: '+919876543210',
      email: 'asha.rao@example.com',
      dateOfBirth: '1990-05-01',
      helpText: 'A chipped front tooth',
      isMinor: false,
      consents: { privacyNotice: true, whatsappUpdates: true, emailNews: true },
      attribution: { utm_source: 'google', utm_campaign: 'whitening', landingPage: '/treatments/teeth-whitening/' },
      marketingCookies: true,
    });
  });

  it('treats empty optional inputs as not given, and unticked boxes as false', () => {
    const { attribution: _attribution, ...values } = adultBookingValues({
      email: '',
      helpText: '   ',
      consents: { privacyNotice: true },
    });
    const request = bookingSchema.parse(values);
    expect(request).not.toHaveProperty('email');
    expect(request).not.toHaveProperty('helpText');
    expect(request).not.toHaveProperty('attribution');
    expect(request.consents).toEqual({ privacyNotice: true, whatsappUpdates: false, emailNews: false });
  });

  it('ignores guardian entries left over from an earlier date of birth', () => {
    const request = bookingSchema.parse(adultBookingValues({ guardian: { name: 'x' }, patientMobile: '12' }));
    expect(request.isMinor).toBe(false);
    expect(request).not.toHaveProperty('guardian');
    expect(request.mobile).toBe('+919876543210');
  });

  it('counts someone as an adult on their 18th birthday', () => {
    expect(adultBooking({ dateOfBirth: '2008-11-23' }).isMinor).toBe(false);
  });

  it('parses its own output again to the same request, so the server can check what the browser normalised', () => {
    const {
      isMinor: _isMinor,
      treatmentTitle: _treatmentTitle,
      patientTreatmentTitle: _patientTreatmentTitle,
      ...normalised
    } = adultBooking();
    expect(bookingSchema.parse(normalised)).toEqual(adultBooking({ submissionId: normalised.submissionId }));
  });
});

describe('createBookingSchema: a minor', () => {
  it("takes the form's mobile and email as the guardian's, keeps WhatsApp updates, and drops email news and attribution", () => {
    const values = minorBookingValues();
    expect(bookingSchema.parse(values)).toEqual({
      submissionId: values.submissionId,
      locale: 'en',
      treatment: 'teeth-whitening',
      treatmentTitle: 'Teeth whitening',
      patientTreatmentTitle: 'Teeth whitening',
      branch: 'bengaluru-indiranagar',
      preferredDate: '2026-11-25',
      timeWindow: 'morning',
      fullName: 'Kiran Rao',
      dateOfBirth: '2011-03-10',
      helpText: 'A chipped front tooth',
      isMinor: true,
      guardian: {
        name: 'Asha Rao',
        relationship: 'parent',
        consent: true,
        mobile: '+919876543210',
        email: 'asha@example.com',
      },
      consents: { privacyNotice: true, whatsappUpdates: true, emailNews: false },
    });
  });

  it("keeps the patient's own mobile when given, and no guardian email when none is given", () => {
    const request = minorBooking({ patientMobile: '98765 00002', email: '' });
    expect(request.mobile).toBe('+919876500002');
    expect(request.guardian).not.toHaveProperty('email');
    expect(request).not.toHaveProperty('email');
  });

  it('is a minor the day before the 18th birthday', () => {
    expect(minorBooking({ dateOfBirth: '2008-11-24' }).isMinor).toBe(true);
  });

  it("names each missing guardian field, and asks for the guardian's mobile", () => {
    const { guardian: _guardian, ...withoutGuardian } = minorBookingValues();
    const expected = {
      'guardian.name': "Enter the parent or guardian's full name.",
      'guardian.relationship': 'Choose parent or legal guardian.',
      'guardian.consent': 'A parent or guardian must agree before we can take a request for someone under 18.',
    };
    expect(fieldsOf(withoutGuardian)).toEqual(expected);
    expect(fieldsOf({ ...withoutGuardian, guardian: { name: '', consent: false } })).toEqual(expected);
    expect(fieldsOf(minorBookingValues({ mobile: '' }))).toEqual({
      mobile: "Enter the parent or guardian's mobile number.",
    });
  });

  it("checks the guardian fields and the patient's own mobile like the patient fields", () => {
    const guardian = { name: 'A', relationship: 'aunt', consent: true, mobile: '98765 43210' };
    expect(fieldsOf(minorBookingValues({ guardian: guardian as never, patientMobile: '080 4555 0101' }))).toEqual({
      'guardian.name': 'Enter at least 2 characters.',
      'guardian.relationship': 'Choose parent or legal guardian.',
      'guardian.mobile': 'Unknown field',
      patientMobile: expect.stringContaining('not a valid mobile number'),
    });
    expect(fieldsOf(minorBookingValues({ guardian: 'mum' as never }))).toEqual({
      guardian: "Enter the parent or guardian's details.",
    });
  });

  it('asks for nothing about a guardian while the date of birth is missing or invalid', () => {
    expect(fieldsOf(minorBookingValues({ dateOfBirth: '2011-02-30', guardian: undefined }))).toEqual({
      dateOfBirth: 'Enter a real date, as YYYY-MM-DD.',
    });
  });
});

describe('createBookingSchema: messages', () => {
  it('names every missing field, in the visitor’s words', () => {
    expect(fieldsOf({})).toEqual({
      submissionId: 'This form is out of date. Reload the page and try again.',
      treatment: 'Choose a treatment.',
      branch: 'Choose a clinic.',
      preferredDate: 'Choose a preferred date.',
      timeWindow: 'Choose morning, afternoon or evening.',
      fullName: 'Enter your full name.',
      mobile: 'Enter your mobile number.',
      dateOfBirth: 'Enter your date of birth.',
      'consents.privacyNotice': 'Please confirm that you have read the privacy notice.',
    });
  });

  it('requires the privacy notice box to be ticked', () => {
    expect(fieldsOf(adultBookingValues({ consents: { privacyNotice: false, whatsappUpdates: true } }))).toEqual({
      'consents.privacyNotice': 'Please confirm that you have read the privacy notice.',
    });
  });

  it('rejects unknown fields, at the top and inside consents', () => {
    expect(fieldsOf({ ...adultBookingValues(), isMinor: false, ip: '203.0.113.9' })).toEqual({
      isMinor: 'Unknown field',
      ip: 'Unknown field',
    });
    expect(fieldsOf(adultBookingValues({ consents: { privacyNotice: true, smsOffers: true } as never }))).toEqual({
      'consents.smsOffers': 'Unknown field',
    });
  });

  it('rejects a body that is not an object', () => {
    expect(fieldsOf([adultBookingValues()])).toEqual({ body: 'Must be a JSON object' });
    expect(fieldsOf(null)).toEqual({ body: 'Must be a JSON object' });
  });

  it('reports field and cross-field problems together', () => {
    expect(
      fieldsOf(adultBookingValues({ treatment: 'hair-transplant', branch: 'mumbai-bandra', mobile: '12345' })),
    ).toEqual({
      mobile: 'This number is too short. Check the digits.',
      branch: "Our Bandra West, Mumbai clinic doesn't offer hair care. Choose another clinic.",
    });
  });
});

describe('createBookingSchema in Hindi', () => {
  const hindiSchema = createBookingSchema({
    treatments: bookable,
    today,
    parseMobile: toMobileE164,
    messages: hindiFormMessages,
  });
  const hindiFieldsOf = (body: unknown) => {
    const result = parseWithFieldErrors(hindiSchema, body);
    if (result.ok) throw new Error('Expected the booking to be rejected');
    return result.fields;
  };

  it('reports the same fields as in English, each in Hindi', () => {
    for (const body of [
      {},
      minorBookingValues({ guardian: {}, patientMobile: '12345' }),
      adultBookingValues({
        treatment: 'hair-transplant',
        branch: 'mumbai-bandra',
        preferredDate: '2026-11-29',
        mobile: '12345',
      }),
    ]) {
      const english = fieldsOf(body);
      const hindi = hindiFieldsOf(body);
      expect(Object.keys(hindi)).toEqual(Object.keys(english));
      for (const [field, message] of Object.entries(hindi)) {
        if (field === 'body') continue;
        expect(message, field).toMatch(/[\u0900-\u097F]/);
        expect(message, field).not.toBe(english[field]);
      }
    }
  });

  it('names the branch, the day and the hours in Hindi, with the same rules', () => {
    expect(hindiFieldsOf(adultBookingValues({ treatment: 'hair-transplant', branch: 'mumbai-bandra' }))).toEqual({
      branch: 'हमारे बांद्रा वेस्ट, मुंबई क्लिनिक में बालों की देखभाल की सुविधा नहीं है। कोई दूसरा क्लिनिक चुनें।',
    });
    expect(hindiFieldsOf(adultBookingValues({ branch: 'mumbai-bandra', preferredDate: '2026-11-29' }))).toEqual({
      preferredDate: 'हमारा बांद्रा वेस्ट, मुंबई क्लिनिक रविवार को बंद रहता है। कोई दूसरा दिन चुनें।',
    });
    expect(hindiFieldsOf(adultBookingValues({ preferredDate: '2026-11-29', timeWindow: 'evening' }))).toEqual({
      timeWindow: 'रविवार को हमारा इंदिरानगर, बेंगलुरु क्लिनिक सिर्फ़ सुबह और दोपहर में खुला रहता है। सुबह या दोपहर चुनें।',
    });
    expect(hindiSchema.parse(adultBookingValues({ locale: 'hi' }))).toMatchObject({ locale: 'hi', isMinor: false });
    expect(bookingSchema.parse(adultBookingValues())).toMatchObject({ locale: 'en' });
  });
});

describe('createBookingSchema: treatment, branch, date and time', () => {
  it('accepts only the given treatments and the configured branches', () => {
    expect(fieldsOf(adultBookingValues({ treatment: 'tattoo-removal' }))).toEqual({ treatment: 'Choose a treatment.' });
    expect(fieldsOf(adultBookingValues({ branch: 'chennai' as never }))).toEqual({ branch: 'Choose a clinic.' });
  });

  it('accepts a branch only when it offers the treatment’s specialty', () => {
    expect(accepts(adultBookingValues({ treatment: 'hair-transplant', branch: 'delhi-hauz-khas' }))).toBe(true);
    expect(fieldsOf(adultBookingValues({ treatment: 'teeth-whitening', branch: 'delhi-hauz-khas' }))).toEqual({
      branch: "Our Hauz Khas, New Delhi clinic doesn't offer dental care. Choose another clinic.",
    });
  });

  it('accepts a preferred date from today to 90 days ahead', () => {
    expect(accepts(adultBookingValues({ preferredDate: today }))).toBe(true);
    expect(accepts(adultBookingValues({ preferredDate: '2027-02-21' }))).toBe(true);
    expect(fieldsOf(adultBookingValues({ preferredDate: '2026-11-22' }))).toEqual({
      preferredDate: 'Choose today or a later date.',
    });
    expect(fieldsOf(adultBookingValues({ preferredDate: '2027-02-22' }))).toEqual({
      preferredDate: 'Choose a date within the next 90 days.',
    });
    expect(fieldsOf(adultBookingValues({ preferredDate: '23/11/2026' }))).toEqual({
      preferredDate: 'Enter a real date, as YYYY-MM-DD.',
    });
  });

  it('refuses a day the branch is closed', () => {
    expect(fieldsOf(adultBookingValues({ branch: 'mumbai-bandra', preferredDate: '2026-11-29' }))).toEqual({
      preferredDate: 'Our Bandra West, Mumbai clinic is closed on Sundays. Choose another day.',
    });
    expect(
      fieldsOf(
        adultBookingValues({ treatment: 'acne-treatment', branch: 'delhi-hauz-khas', preferredDate: '2026-11-30' }),
      ),
    ).toEqual({ preferredDate: 'Our Hauz Khas, New Delhi clinic is closed on Mondays. Choose another day.' });
  });

  it('refuses a time window in which the branch is closed that day', () => {
    expect(fieldsOf(adultBookingValues({ preferredDate: '2026-11-29', timeWindow: 'evening' }))).toEqual({
      timeWindow:
        'On Sundays, our Indiranagar, Bengaluru clinic is open only in the morning and afternoon. Choose morning or afternoon.',
    });
    expect(accepts(adultBookingValues({ preferredDate: '2026-11-29', timeWindow: 'afternoon' }))).toBe(true);
    expect(accepts(adultBookingValues({ preferredDate: '2026-11-25', timeWindow: 'evening' }))).toBe(true);
    expect(
      accepts(adultBookingValues({ preferredDate: '2026-11-28', branch: 'mumbai-bandra', timeWindow: 'evening' })),
    ).toBe(true);
  });
});

describe('createBookingSchema: the person', () => {
  it.each(['प्रिया शर्मा', 'ಅನನ್ಯಾ ಕೃಷ್ಣ', 'கார்த்திக் ராஜா', 'ശ്രീക്കുട്ടൻ', 'Zoë D’Souza', "Ronan O'Brien", 'S. Kumar-Rao', 'Jo'])(
    'accepts the name %s',
    (fullName) => {
      expect(accepts(adultBookingValues({ fullName }))).toBe(true);
    },
  );

  it('rejects names that are too short, too long or not letters', () => {
    expect(fieldsOf(adultBookingValues({ fullName: 'A' }))).toEqual({ fullName: 'Enter at least 2 characters.' });
    expect(fieldsOf(adultBookingValues({ fullName: 'A'.repeat(101) }))).toEqual({
      fullName: 'Use at most 100 characters.',
    });
    for (const fullName of ['Asha Rao 2', 'Asha 🙂', '-Asha', 'asha@example.com']) {
      expect(fieldsOf(adultBookingValues({ fullName })), fullName).toEqual({
        fullName: "Use letters, spaces and . ' - only.",
      });
    }
  });

  it('rejects an invalid or over-long email address', () => {
    expect(fieldsOf(adultBookingValues({ email: 'asha@' }))).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
    });
    expect(fieldsOf(adultBookingValues({ email: `${'a'.repeat(250)}@x.in` }))).toEqual({
      email: 'An email address has at most 254 characters.',
    });
  });

  it('needs an email address for email news', () => {
    expect(fieldsOf(adultBookingValues({ email: '' }))).toEqual({
      email: 'Enter your email address to get our news by email, or untick that box.',
    });
  });

  it('rejects a date of birth in the future or more than 120 years ago', () => {
    expect(fieldsOf(adultBookingValues({ dateOfBirth: '2026-11-24' }))).toEqual({
      dateOfBirth: "A date of birth can't be in the future.",
    });
    expect(fieldsOf(adultBookingValues({ dateOfBirth: '1906-11-22' }))).toEqual({
      dateOfBirth: 'Check the year: that is more than 120 years ago.',
    });
    expect(accepts(adultBookingValues({ dateOfBirth: '1906-11-23' }))).toBe(true);
  });

  it('limits the help text to 500 characters', () => {
    expect(accepts(adultBookingValues({ helpText: 'x'.repeat(500) }))).toBe(true);
    expect(fieldsOf(adultBookingValues({ helpText: 'x'.repeat(501) }))).toEqual({
      helpText: 'Use at most 500 characters.',
    });
  });
});

describe('createBookingSchema: attribution', () => {
  it('strips query strings and fragments from page addresses but keeps UTM values', () => {
    const request = adultBooking({
      attribution: {
        utm_source: 'newsletter?x=1',
        gclid: 'Cj0KCQ-abc_123',
        landingPage: '/treatments/teeth-whitening/?utm_source=newsletter&email=a@b.co#faq',
        referrer: 'https://www.google.com/search?q=asha+rao',
        formPage: 'https://clinic.example/book/?treatment=teeth-whitening',
      },
    });
    expect(request.attribution).toEqual({
      utm_source: 'newsletter?x=1',
      gclid: 'Cj0KCQ-abc_123',
      landingPage: '/treatments/teeth-whitening/',
      referrer: 'https://www.google.com/search',
      formPage: 'https://clinic.example/book/',
    });
  });

  it('drops values that do not fit and unknown keys, never blocking the booking', () => {
    const request = adultBooking({
      attribution: {
        utm_source: 'x'.repeat(151),
        utm_medium: 'cpc',
        fbclid: 'not a click id',
        referrer: 'javascript:alert(1)',
        landingPage: '//evil.example/',
        email: 'a@b.co',
      } as never,
    });
    expect(request.attribution).toEqual({ utm_medium: 'cpc' });
    expect(adultBooking({ attribution: { utm_term: '' } })).not.toHaveProperty('attribution');
    expect(adultBooking({ attribution: 'google' as never })).not.toHaveProperty('attribution');
  });

  it('keeps attribution only beside the browser saying marketing cookies are allowed', () => {
    const attribution = { utm_source: 'google' };
    expect(adultBooking({ attribution, marketingCookies: true }).attribution).toEqual(attribution);
    expect(adultBooking({ attribution, marketingCookies: false })).not.toHaveProperty('attribution');
    const { marketingCookies: _marketingCookies, ...withoutConsent } = adultBookingValues({ attribution });
    expect(bookingSchema.parse(withoutConsent)).not.toHaveProperty('attribution');
  });
});

describe('createBookingSchema options', () => {
  it('needs at least one treatment', () => {
    expect(() =>
      createBookingSchema({ treatments: [], today, parseMobile: toMobileE164, messages: englishFormMessages }),
    ).toThrow(/at least one treatment/);
  });
});
