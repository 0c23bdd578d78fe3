/**
 * 可能重复的条目 (issue 15 item 4): what the entry form and the source pages ask
 * POST /api/search/duplicates, and how its answer is labelled. Pure, so the rules are tested
 * without a browser (duplicates.spec.ts); the panel is DuplicatePanel.tsx.
 */
import type { EntryStatus, EventDatePrecision } from '@dsyb/contracts';
import { percent } from '../../sources/import/importDraft';

/** The body of POST /api/search/duplicates. */
export interface DuplicateRequest {
  title: string;
  text?: string;
  eventDate?: string;
  excludeEntryId?: string;
  sourceId?: string;
}

/** One existing entry that may report the same event, as the API answers it. */
export interface DuplicateCandidate {
  id: string;
  title: string;
  date: string;
  eventDatePrecision: EventDatePrecision;
  status: EntryStatus;
  issue: { id: string; serialNumber: number; year: number; month: number; title: string; status: string } | null;
  section: { id: string; name: string } | null;
  /** 0…1 */
  score: number;
  shared: string[];
}

/** A title shorter than this names no event yet: nothing is asked while the first words are typed. */
export const MIN_TITLE_CHARACTERS = 4;

/** How long the typing pauses before the form asks (milliseconds). */
export const DUPLICATE_DEBOUNCE_MS = 600;

/** The API's limits on the question (DuplicateQueryDto): longer text adds nothing to the comparison. */
const MAX_TITLE = 500;
const MAX_TEXT = 20_000;

/** Whether a title is long enough to look for entries of the same event (characters, not UTF-16 units). */
export function titleLongEnough(title: unknown): title is string {
  return typeof title === 'string' && Array.from(title.trim()).length >= MIN_TITLE_CHARACTERS;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the entry form holds, its body already as plain text (body/bodyText.ts bodyPlainText). */
export interface EntryFormValues {
  title?: unknown;
  text?: string;
  eventDate?: unknown;
  eventDatePrecision?: EventDatePrecision | null;
  /** The entry being edited, which is no duplicate of itself. */
  entryId?: string | number | null;
}

/**
 * The question the entry form asks, or undefined while the title is too short. An event dated to
 * the day is looked for within a few days of it; one dated only to its month (stored as the 1st)
 * is sent without a date, and the API then looks through the last twelve months.
 */
export function entryDuplicateRequest(values: EntryFormValues): DuplicateRequest | undefined {
  if (!titleLongEnough(values.title)) return undefined;
  const request: DuplicateRequest = { title: values.title.trim().slice(0, MAX_TITLE) };
  const text = values.text?.trim();
  if (text) request.text = text.slice(0, MAX_TEXT);
  if (typeof values.eventDate === 'string' && ISO_DAY.test(values.eventDate) && (values.eventDatePrecision ?? 'day') === 'day') {
    request.eventDate = values.eventDate;
  }
  if (values.entryId !== undefined && values.entryId !== null && values.entryId !== '') request.excludeEntryId = String(values.entryId);
  return request;
}

/** A source article's question: its headline; the API takes its newspaper date and text. */
export function sourceDuplicateRequest(source: { id: string | number; headline: string }): DuplicateRequest {
  return { title: source.headline.trim().slice(0, MAX_TITLE), sourceId: String(source.id) };
}

export type DuplicateLikelihood = 'likely' | 'possible' | 'similar';

/** ≥ 70 % 很可能重复, ≥ 50 % 可能重复, else 相似 (the API lists nothing under 30 %). */
export function duplicateLikelihood(score: number): DuplicateLikelihood {
  const whole = Math.round(score * 100);
  if (whole >= 70) return 'likely';
  if (whole >= 50) return 'possible';
  return 'similar';
}

/** The score as people read it: 0.734 → "73%". */
export const scorePercent = percent;
