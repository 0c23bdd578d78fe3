import { createHash, randomBytes } from 'node:crypto';

/**
 * A unit's link ends in a token of 32 random bytes (256 bits) in base64url: unguessable, and kept
 * by the server only as its SHA-256, so that a copy of the database opens no unit's copy.
 */
const TOKEN_BYTES = 32;
export const DELIVERY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newDeliveryToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashDeliveryToken(token) };
}

export function hashDeliveryToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The address a unit opens: the delivery's link base ("https://…/receive/") and the token. */
export function deliveryLink(linkBase: string, token: string): string {
  return `${linkBase}${token}`;
}

/** When a link made now expires. */
export function linkExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}
