import { describe, expect, it } from 'vitest';
import { type BotCheck, isLikelyBot, separateBotSignals } from '#functions/intake/bots.ts';

const now = new Date('2026-11-23T10:00:00Z');
const secondsAgo = (seconds: number) => now.getTime() - seconds * 1000;
const required: BotCheck = { fillTime: 'required' };
const whenGiven: BotCheck = { fillTime: 'when-given' };

describe('isLikelyBot', () => {
  it('passes a person who took at least 3 seconds and left the honeypot empty', () => {
    expect(isLikelyBot({ website: '', startedAt: secondsAgo(3) }, now, required)).toBe(false);
    expect(isLikelyBot({ startedAt: secondsAgo(600) }, now, required)).toBe(false);
  });

  it('reads the time as a plain HTML form posts it, a string of digits', () => {
    expect(isLikelyBot({ website: '', startedAt: String(secondsAgo(30)) }, now, required)).toBe(false);
    expect(isLikelyBot({ website: '', startedAt: String(secondsAgo(1)) }, now, required)).toBe(true);
  });

  it('flags a filled honeypot', () => {
    expect(isLikelyBot({ website: 'https://spam.example', startedAt: secondsAgo(60) }, now, required)).toBe(true);
    expect(isLikelyBot({ website: ' ', startedAt: secondsAgo(60) }, now, required)).toBe(true);
  });

  it('flags a form sent too fast, shown in the future, or with no usable time', () => {
    expect(isLikelyBot({ startedAt: secondsAgo(2.999) }, now, required)).toBe(true);
    expect(isLikelyBot({ startedAt: secondsAgo(-5) }, now, required)).toBe(true);
    for (const startedAt of [undefined, null, 'yesterday', '1e12', Number.NaN, Number.POSITIVE_INFINITY, {}]) {
      expect(isLikelyBot({ startedAt }, now, required), String(startedAt)).toBe(true);
    }
  });
});

describe('isLikelyBot on a prebuilt page, where the form carries no time', () => {
  it('judges by the honeypot alone when no time was sent', () => {
    expect(isLikelyBot({ website: '' }, now, whenGiven)).toBe(false);
    expect(isLikelyBot({}, now, whenGiven)).toBe(false);
    expect(isLikelyBot({ website: 'https://spam.example' }, now, whenGiven)).toBe(true);
  });

  it('still judges a time that was sent', () => {
    expect(isLikelyBot({ startedAt: secondsAgo(1) }, now, whenGiven)).toBe(true);
    expect(isLikelyBot({ startedAt: 'yesterday' }, now, whenGiven)).toBe(true);
    expect(isLikelyBot({ startedAt: secondsAgo(10) }, now, whenGiven)).toBe(false);
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
