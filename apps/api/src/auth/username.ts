import { Transform } from 'class-transformer';

/**
 * Usernames are compared without letter case: "Editor" and "editor" are one account. Every
 * username the API receives (login, creating or renaming a user) is lower-cased here, at the
 * edge, and stored so; the database refuses any other (migration 20261208020000_login_hardening),
 * so its unique index is unique on this form.
 */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Normalises a DTO's username field before it is validated. */
export const NormalizedUsername = () => Transform(({ value }) => (typeof value === 'string' ? normalizeUsername(value) : value));
