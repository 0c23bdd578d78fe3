/**
 * The events of an annual volume as its 条目 tab shows them: month by month, in the order the
 * API lists them (chronicle order: by date, events known only by their month at the month's end).
 */
import type { AnnualVolumeEntry } from '@dsyb/contracts';

export interface MonthOfEvents<T> {
  /** 1–12 */
  month: number;
  entries: T[];
}

/** Every month of the year, 1月 to 12月, each with its events in the order given (empty months too). */
export function monthsOfYear<T extends Pick<AnnualVolumeEntry, 'month'>>(entries: readonly T[]): MonthOfEvents<T>[] {
  const months = Array.from({ length: 12 }, (_, index): MonthOfEvents<T> => ({ month: index + 1, entries: [] }));
  for (const entry of entries) months[entry.month - 1]?.entries.push(entry);
  return months;
}

/**
 * When in its month the event happened, as a chronicle prints it: { month: 9, day: 17 } for
 * 9月17日, or undefined for an event known only by its month (本月).
 */
export function eventDay(entry: Pick<AnnualVolumeEntry, 'eventDate' | 'eventDatePrecision'>): { month: number; day: number } | undefined {
  if (entry.eventDatePrecision === 'month') return undefined;
  const match = /^\d{4}-(\d{2})-(\d{2})/.exec(entry.eventDate);
  return match ? { month: Number(match[1]), day: Number(match[2]) } : undefined;
}

/**
 * The ids to merge, the event that stays first (it keeps its date and place, and its title
 * unless another is given), then the others in chronicle order.
 */
export function mergeOrder(selected: readonly string[], keep: string, entries: readonly Pick<AnnualVolumeEntry, 'id'>[]): string[] {
  const chosen = new Set(selected);
  const others = entries.filter(entry => chosen.has(entry.id) && entry.id !== keep).map(entry => entry.id);
  return chosen.has(keep) ? [keep, ...others] : others;
}

/** Why an event is not printed: dropped by the editor, or merged into another (named when listed). */
export function exclusionOf(
  entry: Pick<AnnualVolumeEntry, 'excluded' | 'mergedIntoId'>,
  entries: readonly Pick<AnnualVolumeEntry, 'id' | 'title'>[],
): { kind: 'dropped' } | { kind: 'merged'; title: string } | undefined {
  if (!entry.excluded) return undefined;
  const into = entry.mergedIntoId ? entries.find(other => other.id === entry.mergedIntoId) : undefined;
  return into ? { kind: 'merged', title: into.title } : { kind: 'dropped' };
}
