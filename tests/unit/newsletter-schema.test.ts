import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { createNewsletterSchema, type NewsletterFormValues } from '#functions/forms/newsletter-schema.ts';

const today = '2026-11-23';
const schema = createNewsletterSchema({ today, messages: englishFormMessages });
const { minor: minorSignupMessage, fullDateNeeded: fullDateOfBirthNeededMessage } = englishFormMessages.newsletter;

function signupValues(overrides: Partial<NewsletterFormValues> = {}): NewsletterFormValues {
  return {
    submissionId: randomUUID(),
    email: ' Asha@Example.com ',
    dateOfBirth: '1990-05-01',
    marketingConsent: true,
    ...overrides,
  };
}

function fieldsOf(body: unknown) {
  const result = parseWithFieldErrors(schema, body);
  if (result.ok) throw new Error('Expected the sign-up to be rejected');
  return result.fields;
}

describe('createNewsletterSchema', () => {
  it('keeps only the submission ID and the lowercased email: the age is checked, not stored', () => {
    const values = signupValues();
    expect(schema.parse(values)).toEqual({
      submissionId: values.submissionId,
      email: 'asha@example.com',
      locale: 'en',
    });
  });

  it('refuses anyone under 18 kindly, and accepts them on their 18th birthday', () => {
    expect(fieldsOf(signupValues({ dateOfBirth: '2008-11-24' }))).toEqual({ dateOfBirth: minorSignupMessage });
    expect(minorSignupMessage).toBe(
      "We can't sign up anyone under 18. A parent or guardian is welcome to subscribe with their own email.",
    );
    expect(schema.safeParse(signupValues({ dateOfBirth: '2008-11-23' })).success).toBe(true);
  });

  it('accepts a birth year alone only when it proves 18 or over', () => {
    const withYear = (birthYear: number) => signupValues({ dateOfBirth: '', birthYear });
    expect(schema.safeParse(withYear(2007)).success).toBe(true);
    expect(fieldsOf(withYear(2008))).toEqual({ birthYear: fullDateOfBirthNeededMessage });
    expect(fieldsOf(withYear(2009))).toEqual({ birthYear: minorSignupMessage });
  });

  it('lets a full date of birth settle what the year alone could not', () => {
    expect(schema.safeParse(signupValues({ birthYear: 2008, dateOfBirth: '2008-01-15' })).success).toBe(true);
    expect(fieldsOf(signupValues({ birthYear: 2008, dateOfBirth: '2008-12-01' }))).toEqual({
      dateOfBirth: minorSignupMessage,
    });
  });

  it('needs a date of birth or a birth year, treating empty inputs as not given, and asks for the year', () => {
    const expected = { birthYear: 'Enter the year you were born, like 1996.' };
    expect(fieldsOf(signupValues({ dateOfBirth: undefined }))).toEqual(expected);
    expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear: Number.NaN }))).toEqual(expected);
  });

  it('reads the birth year as a plain form posts it, as text', () => {
    expect(schema.safeParse(signupValues({ dateOfBirth: '', birthYear: ' 1990 ' })).success).toBe(true);
    expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear: '2010' }))).toEqual({ birthYear: minorSignupMessage });
    for (const birthYear of ['19x0', '90', '1990.0', 'nineteen ninety']) {
      expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear })), birthYear).toEqual({
        birthYear: 'Enter the year you were born, like 1996.',
      });
    }
  });

  it('checks the birth year is a plausible year', () => {
    expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear: 1990.5 }))).toEqual({
      birthYear: 'Enter the year you were born, like 1996.',
    });
    expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear: 1905 }))).toEqual({
      birthYear: 'Check the year: that is more than 120 years ago.',
    });
    expect(fieldsOf(signupValues({ dateOfBirth: '', birthYear: 2027 }))).toEqual({
      birthYear: "A birth year can't be in the future.",
    });
  });

  it('requires the consent box, an email address and a submission ID, and nothing unknown', () => {
    expect(fieldsOf({ marketingConsent: false, dateOfBirth: '1990-05-01', name: 'Asha' })).toEqual({
      submissionId: 'This form is out of date. Reload the page and try again.',
      email: 'Enter your email address.',
      marketingConsent: 'Tick the box to agree to receive our newsletter.',
      name: 'Unknown field',
    });
    expect(fieldsOf('asha@example.com')).toEqual({ body: 'Must be a JSON object' });
  });
});
