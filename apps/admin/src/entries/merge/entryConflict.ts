import { HttpError } from 'react-admin';
import type { Entry } from '@dsyb/contracts';
import { WRITABLE } from '../../providers/writableFields';

type Data = Record<string, unknown>;

/** A save refused because someone saved the entry first: what the user had, and where it stands now. */
export interface EntryConflict {
  /** The form's values when the save was refused. */
  mine: Data;
  /** The record the user had opened (and changed). */
  base: Entry;
  currentVersion: number;
  /** The server's sentence, in the user's language (dataProvider's explainStaleVersion). */
  message: string;
}

/** The 409 of a stale version carries the current version; other 409s (workflow refusals) do not. */
export function staleVersionOf(error: unknown): number | undefined {
  if (!(error instanceof HttpError) || error.status !== 409) return undefined;
  const current = (error.body as { currentVersion?: unknown } | undefined)?.currentVersion;
  return typeof current === 'number' ? current : undefined;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The stored fields of an entry that the user changed since they opened it. */
export function changedFields(mine: Data, base: Data): string[] {
  return WRITABLE.entries.fields.filter(field => field in mine && !same(mine[field], base[field]));
}

/**
 * Three-way merge of what the user changed into the server's current version: every field the
 * user changed keeps the user's value, every other field takes the server's (so a colleague's
 * change the user never touched is not undone by saving).
 */
export function mergeIntoCurrent(conflict: EntryConflict, current: Entry): Data {
  const merged: Data = { ...current };
  for (const field of changedFields(conflict.mine, conflict.base as unknown as Data)) merged[field] = conflict.mine[field];
  return merged;
}
