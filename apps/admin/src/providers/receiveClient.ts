/**
 * The unit's page (receive.html) talks to the API here: no staff login, the token in the path.
 * Plain fetch, nothing of react-admin, so the page stays a few kilobytes.
 *
 *   GET  /api/receive/:token               → ReceivedDelivery
 *   GET  /api/receive/:token/file          → this copy's PDF
 *   GET  /api/receive/:token/current/file  → the copy that replaced a superseded one
 *   POST /api/receive/:token/confirm {name} → ReceivedDelivery
 *
 * Refusals are {statusCode, message} with a Chinese message (404 unknown link, 410 expired or
 * revoked, 429 too many requests), thrown as ReceiveError.
 */
import type { ReceivedDelivery } from '@dsyb/contracts';
import { API_URL } from './apiUrl';

export class ReceiveError extends Error {
  constructor(
    message: string,
    /** The HTTP status; undefined when the server could not be reached. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The token of a unit's link, `/receive/<token>`, or undefined on any other path. */
export function tokenFromPath(pathname: string): string | undefined {
  const match = /^\/receive\/([^/?#]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

const base = (token: string) => `${API_URL}/receive/${encodeURIComponent(token)}`;

export const receiveUrls = {
  /** This copy's PDF, a plain link (the token is the credential). */
  file: (token: string) => `${base(token)}/file`,
  /** The copy of the correction that replaced this one. */
  currentFile: (token: string) => `${base(token)}/current/file`,
};

async function call(url: string, init?: RequestInit): Promise<ReceivedDelivery> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) } });
  } catch {
    throw new ReceiveError('', undefined);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
    throw new ReceiveError(typeof message === 'string' ? message : Array.isArray(message) ? message.join('；') : '', response.status);
  }
  return body as ReceivedDelivery;
}

export const receiveClient = {
  read: (token: string) => call(base(token)),
  confirm: (token: string, name: string) => call(`${base(token)}/confirm`, { method: 'POST', body: JSON.stringify({ name }) }),
};
