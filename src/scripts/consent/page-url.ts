/** The page address a tracker may see: origin and path only, never a query string or fragment. */
export function sanitizedPageUrl(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}

/** Removes the query string and fragment from the address bar before a tracker reads it. */
export function stripQueryFromAddressBar(): void {
  if (window.location.search || window.location.hash) {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
}
