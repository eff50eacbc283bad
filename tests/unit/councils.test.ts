/** A doctor's registration number must have the form its council gives: the content schema refuses others. */
import { describe, expect, it } from 'vitest';
import { branches, specialties } from '#functions/clinic/clinic.ts';
import { type CouncilId, councils } from '#src/lib/councils.ts';

const numbers: Record<CouncilId, { valid: string[]; invalid: string[] }> = {
  'karnataka-state-dental-council': { valid: ['A-1234', 'A-18342'], invalid: ['18342', 'B-18342', 'A-123456'] },
  'maharashtra-state-dental-council': { valid: ['A-27519'], invalid: ['A27519', 'MSDC-27519'] },
  'karnataka-medical-council': { valid: ['81427', '112093'], invalid: ['KMC-81427', '8142', 'DMC/R/81427'] },
  'maharashtra-medical-council': {
    valid: ['2014/06/3371', '1999/12/0042'],
    invalid: ['2014/13/3371', '14/06/3371', '2014-06-3371', '81427'],
  },
  'delhi-medical-council': { valid: ['DMC/R/09215', 'DMC/R/4471'], invalid: ['DMC/09215', 'R/09215', '09215'] },
};

describe('council registration numbers', () => {
  it.each(Object.entries(numbers))('%s takes its own form and no other', (id, { valid, invalid }) => {
    const { numberFormat } = councils[id as CouncilId];
    for (const number of valid) expect(numberFormat.test(number), number).toBe(true);
    for (const number of invalid) expect(numberFormat.test(number), number).toBe(false);
  });

  it('include a council for every state and profession the branches need', () => {
    for (const branch of branches) {
      for (const specialty of branch.specialties) {
        const { profession } = specialties[specialty];
        const found = Object.values(councils).some(
          (council) => council.state === branch.address.state && council.profession === profession,
        );
        expect(found, `${branch.address.state}, ${profession}`).toBe(true);
      }
    }
  });
});
