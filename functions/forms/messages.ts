/**
 * What a visitor reads when a form could not be sent, whichever path it took: the island's JSON post or the
 * plain form post the server answers with the page. Field messages live beside their fields in the schemas.
 */

const minutes = (seconds: number) => {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return `${count} ${count === 1 ? 'minute' : 'minutes'}`;
};

export const formMessages = {
  rateLimited: (retryAfterSeconds: number) =>
    `Too many requests from this connection. Please wait ${minutes(retryAfterSeconds)}, or call us.`,
  serverError: 'Something went wrong on our side. Please send again, or call us.',
  unreachable:
    "We couldn't reach the clinic's website. Check your connection and send again: sending twice never books twice.",
} as const;
