/** The signed-in user and their access token, kept in localStorage across reloads. */
import type { User } from '@dsyb/contracts';

const TOKEN_KEY = 'dsyb.accessToken';
const USER_KEY = 'dsyb.user';

export interface Session {
  token: string;
  user: User;
}

export function readSession(): Session | undefined {
  const token = localStorage.getItem(TOKEN_KEY);
  const storedUser = localStorage.getItem(USER_KEY);
  if (!token || !storedUser) return undefined;
  try {
    return { token, user: JSON.parse(storedUser) as User };
  } catch {
    return undefined;
  }
}

/** The stored session while its token has not expired. */
export function liveSession(now: number = Date.now()): Session | undefined {
  const session = readSession();
  return session && !isTokenExpired(session.token, now) ? session : undefined;
}

export function saveSession(token: string, user: User): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function saveUser(user: User): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

/**
 * Whether a JWT's `exp` claim has passed. Lets the admin send an expired session to the
 * login page without a round trip; a token that is not a readable JWT is left for the
 * server to judge.
 */
export function isTokenExpired(token: string, now: number = Date.now()): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' && claims.exp * 1000 <= now;
  } catch {
    return false;
  }
}
