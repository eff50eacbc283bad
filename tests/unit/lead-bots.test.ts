import { describe, expect, it } from 'vitest';
import { type BotCheck, screenSubmission, separateBotSignals } from '#functions/intake/bots.ts';

const now = new Date('2026-11-23T10:00:00Z');
const secondsAgo = (seconds: number) => now.getTime() - seconds * 1000;
const required: BotCheck = { fillTime: 'required' };
const whenGiven: BotCheck = { fillTime: 'when-given' };

describe('screenSubmission', () => {
  it('passes a person who took at least 3 seconds and left the honeypot empty', () => {
    expect(screenSubmission({ website: '', startedAt: secondsAgo(3) }, now, required)).toBe('person');
    expect(screenSubmission({ startedAt: secondsAgo(600) }, now, required)).toBe('person');
  });

  it('reads the time as a plain HTML form posts it, a string of digits', () => {
    expect(screenSubmission({ website: '', startedAt: String(secondsAgo(30)) }, now, required)).toBe('person');
    expect(screenSubmission({ website: '', startedAt: String(secondsAgo(1)) }, now, required)).toBe('sent-quickly');
  });

  it('discards only a filled honeypot, whatever the time', () => {
    expect(screenSubmission({ website: 'https://spam.example', startedAt: secondsAgo(60) }, now, required)).toBe(
      'discard',
    );
    expect(screenSubmission({ website: ' ', startedAt: secondsAgo(1) }, now, required)).toBe('discard');
  });

  it('marks, and keeps, a form sent too fast, shown in the future, or with no usable time', () => {
    expect(screenSubmission({ startedAt: secondsAgo(2.999) }, now, required)).toBe('sent-quickly');
    expect(screenSubmission({ startedAt: secondsAgo(-5) }, now, required)).toBe('sent-quickly');
    for (const startedAt of [undefined, null, 'yesterday', '1e12', Number.NaN, Number.POSITIVE_INFINITY, {}]) {
      expect(screenSubmission({ startedAt }, now, required), String(startedAt)).toBe('sent-quickly');
    }
  });
});

describe('screenSubmission on a prebuilt page, where the form carries no time', () => {
  it('judges by the honeypot alone when no time was sent', () => {
    expect(screenSubmission({ website: '' }, now, whenGiven)).toBe('person');
    expect(screenSubmission({}, now, whenGiven)).toBe('person');
    expect(screenSubmission({ website: 'https://spam.example' }, now, whenGiven)).toBe('discard');
  });

  it('still reads a time that was sent', () => {
    expect(screenSubmission({ startedAt: secondsAgo(1) }, now, whenGiven)).toBe('sent-quickly');
    expect(screenSubmission({ startedAt: 'yesterday' }, now, whenGiven)).toBe('sent-quickly');
    expect(screenSubmission({ startedAt: secondsAgo(10) }, now, whenGiven)).toBe('person');
  });
});

describe('separateBotSignals', () => {
  it('takes the honeypot and the start time off the fields the schemas parse', () => {
    expect(separateBotSignals({ website: '', startedAt: 1, email: 'a@b.co' })).toEqual({
      signals: { website: '', startedAt: 1 },
      fields: { email: 'a@b.co' },
    });
  });

  it('leaves a body that is not an object to the schema, with no signals', () => {
    expect(separateBotSignals(['x'])).toEqual({ signals: {}, fields: ['x'] });
    expect(separateBotSignals(null)).toEqual({ signals: {}, fields: null });
  });
});
