import type { Role } from '@dsyb/db';

/** The user a request acts for, as carried by the bearer token and checked against the database. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface TokenPayload {
  /** The user's id. */
  sub: string;
  /** The user's token version when the token was issued: a password change or reset raises it, ending older tokens. */
  ver?: number;
}
