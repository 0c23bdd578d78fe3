/**
 * Where rendered PDFs live. The local directory is the default; deployments with several
 * machines put the S3-compatible implementation behind the same interface.
 */
export interface StoredObject {
  key: string;
  bytes: number;
  sha256: string;
}

export interface RenditionStorage {
  /** Writes atomically: readers see the whole object or nothing. */
  put(key: string, content: Buffer): Promise<StoredObject>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * Keys are made by the application (`issues/<uuid>/<uuid>.pdf`), never by users; anything else
 * is a bug, refused before it can name a file outside the storage root or an odd object name.
 */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new RangeError(`invalid storage key: ${key}`);
  }
}
