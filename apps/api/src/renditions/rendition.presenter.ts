import type { Rendition } from '@dsyb/db';

/** A rendition as the API shows it: without where it is stored, its content hash or its snapshot. */
export function presentRendition(rendition: Omit<Rendition, 'snapshot'> & { snapshot?: unknown }) {
  const { storageKey: _storageKey, contentHash: _contentHash, snapshot: _snapshot, ...visible } = rendition;
  return { ...visible, fileUrl: rendition.status === 'done' ? `/api/renditions/${rendition.id}/file` : null };
}
