/**
 * The lead forms' side of the handoff to the consent layer (see src/scripts/consent/handoff.ts, which spells
 * the same keys; tests/unit/consent-handoff.test.ts holds them equal).
 */
export const handoffKeys = {
  minorVisitor: 'clinic:minor-visitor',
  attribution: 'clinic:attribution',
} as const;

function attempt<T>(task: () => T): T | undefined {
  try {
    return task();
  } catch {
    return undefined;
  }
}

/**
 * The visitor is under 18: no tracking in this browser from now on, and no attribution kept. The consent layer
 * withdraws analytics and marketing on the next page that has one, and keeps them off.
 */
export function announceMinorVisitor(): void {
  attempt(() => {
    localStorage.setItem(handoffKeys.minorVisitor, '1');
    sessionStorage.removeItem(handoffKeys.attribution);
  });
}

/** This visit's arrival, with the page the form is sent from; undefined without marketing consent. */
export function arrivalWithFormPage(formPage: string): Record<string, unknown> | undefined {
  const arrival = attempt(() => JSON.parse(sessionStorage.getItem(handoffKeys.attribution) ?? 'null') as unknown);
  return arrival && typeof arrival === 'object' ? { ...arrival, formPage } : undefined;
}
