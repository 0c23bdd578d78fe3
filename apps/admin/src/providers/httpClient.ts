/**
 * Every call to the API goes through here: it adds the bearer token and turns the server's
 * error bodies ({statusCode, message, error}) into errors whose message a person can read.
 */
import { fetchUtils, HttpError } from 'react-admin';
import { takePreloaded } from './preloadCache';
import { readSession } from './session';

export { API_URL } from './apiUrl';

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
  // The first screen's data may have been asked for at start-up (boot/preload.ts, providers/preloadCache.ts).
  const preloaded = options.method === undefined || options.method === 'GET' ? await takePreloaded(url, session?.token) : undefined;
  if (preloaded) return preloaded;
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (error instanceof HttpError) {
      throw new HttpError(serverMessage(error.body) ?? error.message, error.status, error.body);
    }
    throw error;
  }
}

/** A file the API serves behind the bearer token (a rendition's PDF), with the name it gives it. */
export async function fetchFile(url: string): Promise<{ blob: Blob; filename: string | undefined }> {
  const headers = new Headers();
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  const response = await fetch(url, { headers });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new HttpError(serverMessage(body) ?? response.statusText, response.status, body);
  }
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
}

/** `inline; filename*=UTF-8''%E5%A4%A7…pdf` → 大…pdf */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return undefined;
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1];
}
