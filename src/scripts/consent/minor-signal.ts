/**
 * Lead forms call this when a date of birth shows the visitor is under 18 (DPDP Act 2023, s.9(3)):
 * the consent layer then withdraws analytics and marketing in this browser and keeps them off.
 */
export const minorDetectedEvent = 'clinic:minor-detected';

export function announceMinorVisitor(): void {
  document.dispatchEvent(new CustomEvent(minorDetectedEvent));
}
