/**
 * What the lead forms leave for the consent layer, in this browser's storage: the forms' pages are tracker-free
 * and load no consent layer, so the layer reads it on the next page that has one. The forms spell the same
 * names in src/islands/consent-handoff.ts, sharing no module with this one: a shared module would become a
 * script of its own on every page. tests/unit/consent-handoff.test.ts holds the two sides equal.
 */
export const handoffKeys = {
  /** localStorage, for good: a form showed the visitor is under 18 (DPDP Act 2023, s.9(3)). */
  minorVisitor: 'clinic:minor-visitor',
  /** sessionStorage, for the visit and only with marketing consent: how the visit arrived. */
  attribution: 'clinic:attribution',
} as const;

// Storage can be switched off or full; neither side of the handoff is worth an error.
export function attempt<T>(task: () => T): T | undefined {
  try {
    return task();
  } catch {
    return undefined;
  }
}

export function minorVisitorFlagged(): boolean {
  return attempt(() => localStorage.getItem(handoffKeys.minorVisitor)) === '1';
}

export function forgetArrival(): void {
  attempt(() => sessionStorage.removeItem(handoffKeys.attribution));
}
