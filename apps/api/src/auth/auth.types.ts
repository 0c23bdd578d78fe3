import type { Role } from '@dsyb/db';

/** The user a request acts for, as carried by the bearer token and checked against the database. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface TokenPayload {
  sub: string;
}
