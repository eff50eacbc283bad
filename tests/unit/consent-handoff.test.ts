import { describe, expect, it } from 'vitest';
import { handoffKeys as formSide } from '#src/islands/consent-handoff.ts';
import { handoffKeys as consentSide } from '#src/scripts/consent/handoff.ts';

describe('the handoff between the lead forms and the consent layer', () => {
  it('uses the same storage keys on both sides', () => {
    expect(formSide).toEqual(consentSide);
  });
});
