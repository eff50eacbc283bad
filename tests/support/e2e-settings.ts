/**
 * Settings the browser tests' server runs with, that the tests need too: with the link-signing key, a test
 * can make the link a confirmation email would carry (the emails themselves wait in the outbox, as the
 * test server has no email provider).
 */
export const e2eLinkSigningKey = 'browser-tests-link-signing-key-not-a-secret';
