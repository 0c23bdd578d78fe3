import type { Rendition } from '@dsyb/db';

export function presentRendition(rendition: Rendition) {
  const { storageKey: _storageKey, contentHash: _contentHash, ...visible } = rendition;
  return { ...visible, fileUrl: rendition.status === 'done' ? `/api/renditions/${rendition.id}/file` : null };
}
