import type { Rendition, RenditionStatus } from '@dsyb/contracts';

/** 345 KB, 1.2 MB: file sizes as a reader compares them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first characters of a checksum, enough to tell two files apart by eye. */
export function shortHash(sha256: string, length = 12): string {
  return sha256.length > length ? `${sha256.slice(0, length)}…` : sha256;
}

const FINISHED: readonly RenditionStatus[] = ['done', 'failed'];

export function isFinished(rendition: Pick<Rendition, 'status'> | undefined): boolean {
  return rendition !== undefined && FINISHED.includes(rendition.status);
}
