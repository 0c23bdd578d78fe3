import { createHash } from 'node:crypto';
import type { EmbeddedImage, EntrySnapshot, FigureBlock, FigureImage, IssueSnapshot, SectionSnapshot } from '@dsyb/domain';
import type { Prisma, PrismaClient } from './generated/prisma/client';

/**
 * The issue snapshot a rendition was requested with, kept on the rendition (`renditions.snapshot`)
 * so that the worker prints exactly what was requested, whatever was edited since.
 *
 * Figures are not copied into it: an issue's photos (up to 5 MB each) would be copied again with
 * every proof an editor asks for. Their bytes are kept once in `snapshot_images`, named by their
 * sha256, and the stored snapshot refers to them. A row there never changes (its name is its
 * content), so a stored snapshot always reads back as it was written.
 */
export interface StoredImageReference {
  kind: 'stored';
  mediaType: EmbeddedImage['mediaType'];
  sha256: string;
}

export interface StoredFigureBlock extends Omit<FigureBlock, 'image'> {
  image: Exclude<FigureImage, EmbeddedImage> | StoredImageReference;
}
export type StoredEntryBlock = Exclude<NonNullable<EntrySnapshot['blocks']>[number], FigureBlock> | StoredFigureBlock;
export interface StoredEntrySnapshot extends Omit<EntrySnapshot, 'blocks'> {
  blocks?: StoredEntryBlock[];
}
export interface StoredSectionSnapshot extends Omit<SectionSnapshot, 'entries'> {
  entries: StoredEntrySnapshot[];
}
export interface StoredIssueSnapshot extends Omit<IssueSnapshot, 'sections'> {
  sections: StoredSectionSnapshot[];
}

type ImageClient = Pick<PrismaClient, 'snapshotImage'> | Pick<Prisma.TransactionClient, 'snapshotImage'>;
type AnyFigureImage = FigureImage | StoredImageReference;
/** Sections of an issue or months of an annual volume: groups of entries whose figures are stored alike. */
type EntryGroup = { entries: Array<EntrySnapshot | StoredEntrySnapshot> };

/**
 * The groups with each figure's image replaced by `replace(image)`, every other block as it is:
 * the one walk over a snapshot's figures that storing and reading back share.
 */
function withFigureImages<Groups>(groups: readonly EntryGroup[], replace: (image: AnyFigureImage) => AnyFigureImage): Groups {
  return groups.map((group) => ({
    ...group,
    entries: group.entries.map((entry) => ({
      ...entry,
      blocks: entry.blocks?.map((block) => (block.type === 'figure' ? { ...block, image: replace(block.image) } : block)),
    })),
  })) as Groups;
}

/**
 * Writes the groups' figures to `snapshot_images` (the ones not there yet) and returns the groups
 * as stored, figures referring to those rows. The figures may be written before the transaction
 * that stores the snapshot: an image row is named by its content and harmless unreferenced.
 */
export async function storeFigureImages<Stored>(client: ImageClient, groups: readonly EntryGroup[]): Promise<Stored> {
  const images = new Map<string, { mediaType: EmbeddedImage['mediaType']; bytes: Uint8Array<ArrayBuffer> }>();
  const stored = withFigureImages<Stored>(groups, (image) => {
    if (image.kind !== 'embedded') return image;
    // Copied into an ArrayBuffer of its own: what Prisma takes for a bytea column.
    const bytes = new Uint8Array(Buffer.from(image.base64, 'base64'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    images.set(sha256, { mediaType: image.mediaType, bytes });
    return { kind: 'stored', mediaType: image.mediaType, sha256 };
  });
  if (images.size) {
    // Only the bytes not stored yet go over the wire; a concurrent request storing the same image is harmless.
    const present = await client.snapshotImage.findMany({ where: { sha256: { in: [...images.keys()] } }, select: { sha256: true } });
    for (const { sha256 } of present) images.delete(sha256);
    if (images.size) {
      await client.snapshotImage.createMany({
        data: [...images].map(([sha256, image]) => ({ sha256, mediaType: image.mediaType, bytes: image.bytes })),
        skipDuplicates: true,
      });
    }
  }
  return stored;
}

/** The stored groups with their figures' bytes read back: what the typesetter prints. */
export async function readFigureImages<Groups>(client: ImageClient, groups: readonly EntryGroup[]): Promise<Groups> {
  const wanted = new Set<string>();
  withFigureImages(groups, (image) => {
    if (image.kind === 'stored') wanted.add(image.sha256);
    return image;
  });
  const rows = wanted.size ? await client.snapshotImage.findMany({ where: { sha256: { in: [...wanted] } } }) : [];
  const bytes = new Map(rows.map((row) => [row.sha256, Buffer.from(row.bytes).toString('base64')]));
  return withFigureImages<Groups>(groups, (image) => {
    if (image.kind !== 'stored') return image;
    const base64 = bytes.get(image.sha256);
    // Rows in snapshot_images are never changed or deleted: a missing one is a damaged database.
    if (base64 === undefined) throw new Error(`排版内容引用的图片 ${image.sha256} 不存在`);
    return { kind: 'embedded', mediaType: image.mediaType, base64 };
  });
}

/**
 * Writes the snapshot's figures to `snapshot_images` and returns the snapshot to store on the
 * rendition, in the transaction that writes its row.
 */
export async function storeIssueSnapshot(client: ImageClient, snapshot: IssueSnapshot): Promise<StoredIssueSnapshot> {
  return { ...snapshot, sections: await storeFigureImages<StoredSectionSnapshot[]>(client, snapshot.sections) };
}

/** The stored snapshot with its figures' bytes read back: what the typesetter prints. */
export async function readStoredSnapshot(client: ImageClient, stored: StoredIssueSnapshot): Promise<IssueSnapshot> {
  return { ...stored, sections: await readFigureImages<SectionSnapshot[]>(client, stored.sections) };
}

/**
 * A rendition's `snapshot` column as written by storeIssueSnapshot, or undefined when the row has
 * none (rows from before migration 20261206020000_rendition_snapshot).
 */
export function storedSnapshotOf(value: unknown): StoredIssueSnapshot | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { issueId, sections } = value as Record<string, unknown>;
  if (typeof issueId !== 'string' || !Array.isArray(sections)) return undefined;
  // Written only by storeIssueSnapshot: the shape checked above identifies it.
  return value as unknown as StoredIssueSnapshot;
}

/** The stored snapshot as the JSON value Prisma writes. */
export function snapshotJson(stored: StoredIssueSnapshot | { volumeId: string }): Prisma.InputJsonValue {
  return stored as unknown as Prisma.InputJsonValue;
}
