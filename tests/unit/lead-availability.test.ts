import { describe, expect, it } from 'vitest';
import { findBranch, openTimeWindows } from '#functions/clinic/availability.ts';
import { timeWindowIds, timeWindows } from '#functions/clinic/time-windows.ts';

describe('branch availability', () => {
  it('offers a time window when the branch is open for part of it', () => {
    const indiranagar = findBranch('bengaluru-indiranagar');
    expect(openTimeWindows(indiranagar, '2026-11-23')).toEqual(['morning', 'afternoon', 'evening']);
    expect(openTimeWindows(indiranagar, '2026-11-29')).toEqual(['morning', 'afternoon']);
    // Hauz Khas closes at 4 pm on Sundays, just as the evening begins.
    expect(openTimeWindows(findBranch('delhi-hauz-khas'), '2026-11-29')).toEqual(['morning', 'afternoon']);
    expect(openTimeWindows(findBranch('delhi-hauz-khas'), '2026-11-30')).toEqual([]);
  });

  it('labels each window with its hours, the windows covering the day without gaps', () => {
    expect(timeWindowIds).toEqual(['morning', 'afternoon', 'evening']);
    expect(timeWindows.morning.label).toBe('Morning (before 12 pm)');
    expect(timeWindows.morning.until).toBe(timeWindows.afternoon.from);
    expect(timeWindows.afternoon.until).toBe(timeWindows.evening.from);
  });
});
