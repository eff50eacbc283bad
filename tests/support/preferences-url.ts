import { preferencesUrls } from '#functions/preferences/preference-links.ts';

/** The key the tests' deliveries sign preferences links with, so a test can read them back. */
export const testLinkKey = 'a-test-link-signing-key-of-32-characters';

/** The deliveries' preferences links, on `siteUrl`, signed with `testLinkKey`. */
export const testPreferencesUrl = (siteUrl: string) => preferencesUrls(siteUrl, async () => testLinkKey);
