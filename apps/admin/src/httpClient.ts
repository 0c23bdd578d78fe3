/**
 * Every call to the API goes through here: it adds the bearer token and turns the server's
 * error bodies ({statusCode, message, error}) into errors whose message a person can read.
 */
import { fetchUtils, HttpError } from 'react-admin';
import { readSession } from './session';

export const API_URL = '/api';

interface ServerErrorBody {
  statusCode?: number;
  message?: string | string[];
  error?: string;
}

/** The server's `message`, which validation errors send as a list of sentences. */
export function serverMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { message } = body as ServerErrorBody;
  if (Array.isArray(message)) return message.filter(part => typeof part === 'string').join('；') || undefined;
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (error instanceof HttpError) {
      throw new HttpError(serverMessage(error.body) ?? error.message, error.status, error.body);
    }
    throw error;
  }
}
