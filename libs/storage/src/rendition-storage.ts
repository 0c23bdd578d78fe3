/**
 * Where rendered PDFs live. The local directory is the default; deployments with several
 * machines put an S3-compatible implementation behind the same interface.
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
