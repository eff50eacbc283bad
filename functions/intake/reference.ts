/**
 * Submission references that people read out over the phone, like KC-7Q4M-X2P9. The alphabet leaves out
 * 0, 1, I, L, O and U, so no character can be taken for another (or spell a word by accident).
 * 30^8 references make a collision rare; the store's unique constraint catches one and draws again.
 */
import { clinic } from '#functions/clinic/clinic.ts';

const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const { referencePrefix } = clinic;
const groupLength = 4;
const referencePattern = new RegExp(
  `^${referencePrefix}-?([${referenceAlphabet}]{${groupLength}})-?([${referenceAlphabet}]{${groupLength}})$`,
);

// The largest multiple of the alphabet's length that fits in a byte (240): bytes from it up are drawn again,
// so that every character is equally likely.
const unbiasedBelow = 256 - (256 % referenceAlphabet.length);

// Random bytes are drawn from the system a few kilobytes at a time: one call per reference character would cost
// more than the rest of making a reference.
const randomBytes = new Uint8Array(4096);
let nextRandomByte = randomBytes.length;

function randomByte(): number {
  if (nextRandomByte >= randomBytes.length) {
    crypto.getRandomValues(randomBytes);
    nextRandomByte = 0;
  }
  return randomBytes[nextRandomByte++] ?? unbiasedBelow;
}

function randomCharacters(count: number): string {
  let characters = '';
  while (characters.length < count) {
    const byte = randomByte();
    if (byte < unbiasedBelow) characters += referenceAlphabet[byte % referenceAlphabet.length];
  }
  return characters;
}

export function generateReference(): string {
  const characters = randomCharacters(2 * groupLength);
  return `${referencePrefix}-${characters.slice(0, groupLength)}-${characters.slice(groupLength)}`;
}

/** A reference as someone typed it (any case, spaces, dashes optional) in its canonical form, or undefined. */
export function normaliseReference(text: string): string | undefined {
  const match = referencePattern.exec(text.replace(/\s/g, '').toUpperCase());
  return match ? `${referencePrefix}-${match[1]}-${match[2]}` : undefined;
}
