/**
 * The arrangement of an issue as the assembly screen edits it: every section in print order
 * with its entries in order. Pure functions, so that drag and drop, the buttons and the save
 * all go through the same few operations.
 */
import type { EntryStatus, EventDatePrecision, IssueArrangement, IssueDetail, Section } from '@dsyb/contracts';

export interface AssemblyEntry {
  id: string;
  title: string;
  status: EntryStatus;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
  /** The section the entry names itself (where "add" puts it). */
  sectionId: string;
}

export interface AssemblySection {
  id: string;
  name: string;
  /** A retired section still holding entries of this issue: shown so they can be moved out. */
  retired: boolean;
}

export interface Arrangement {
  sections: AssemblySection[];
  entries: Record<string, AssemblyEntry[]>;
}

/** The issue's arrangement: the active sections in order, and any retired one that still holds entries. */
export function arrangementOf(issue: IssueDetail, activeSections: readonly Section[]): Arrangement {
  const sections: AssemblySection[] = activeSections.map(section => ({ id: section.id, name: section.name, retired: false }));
  const entries: Record<string, AssemblyEntry[]> = Object.fromEntries(sections.map(section => [section.id, []]));
  for (const section of issue.sections) {
    if (!entries[section.id]) {
      sections.push({ id: section.id, name: section.name, retired: true });
      entries[section.id] = [];
    }
    entries[section.id] = section.entries.map(entry => ({
      id: entry.id,
      title: entry.title,
      status: entry.status,
      eventDate: entry.eventDate,
      eventDatePrecision: entry.eventDatePrecision,
      sectionId: section.id,
    }));
  }
  return { sections, entries };
}

export function sectionOf(arrangement: Arrangement, id: string): string | undefined {
  if (arrangement.entries[id]) return id;
  return arrangement.sections.find(section => arrangement.entries[section.id].some(entry => entry.id === id))?.id;
}

export function placedIds(arrangement: Arrangement): Set<string> {
  return new Set(Object.values(arrangement.entries).flatMap(entries => entries.map(entry => entry.id)));
}

/** Moves an entry to `index` of `sectionId` (the end when index is undefined). */
export function moveEntry(arrangement: Arrangement, entryId: string, sectionId: string, index?: number): Arrangement {
  const from = sectionOf(arrangement, entryId);
  if (!from || !arrangement.entries[sectionId]) return arrangement;
  const entry = arrangement.entries[from].find(candidate => candidate.id === entryId);
  if (!entry) return arrangement;
  const entries = { ...arrangement.entries, [from]: arrangement.entries[from].filter(candidate => candidate.id !== entryId) };
  const target = [...entries[sectionId]];
  target.splice(index === undefined ? target.length : Math.max(0, Math.min(index, target.length)), 0, entry);
  return { ...arrangement, entries: { ...entries, [sectionId]: target } };
}

/** Adds an entry that is in no issue: to its own section when the issue has it, else to the first one. */
export function addEntry(arrangement: Arrangement, entry: AssemblyEntry): Arrangement {
  const sectionId = arrangement.entries[entry.sectionId] ? entry.sectionId : arrangement.sections[0]?.id;
  if (!sectionId || placedIds(arrangement).has(entry.id)) return arrangement;
  return { ...arrangement, entries: { ...arrangement.entries, [sectionId]: [...arrangement.entries[sectionId], entry] } };
}

/**
 * Where a drop leaves the arrangement: the dragged entry takes the place of the entry it is over
 * (in its own section; crossing sections already happened while dragging), or stays where it is
 * over its section. The same arrangement (not a copy) when nothing moves.
 */
export function dropEntry(arrangement: Arrangement, activeId: string, overId: string): Arrangement {
  const from = sectionOf(arrangement, activeId);
  const to = sectionOf(arrangement, overId);
  if (!from || from !== to) return arrangement;
  const index = arrangement.entries[to].findIndex(entry => entry.id === overId);
  if (index < 0 || arrangement.entries[to][index].id === activeId) return arrangement;
  return moveEntry(arrangement, activeId, to, index);
}

/** The position of an entry in its section, counted from 1 (0 when it is in none). */
export function positionOf(arrangement: Arrangement, entryId: string): { sectionId: string; position: number } | undefined {
  const sectionId = sectionOf(arrangement, entryId);
  if (!sectionId || sectionId === entryId) return undefined;
  return { sectionId, position: arrangement.entries[sectionId].findIndex(entry => entry.id === entryId) + 1 };
}

/**
 * The day a chronicle files an event under: its date, or the month's last day when only the
 * month is known (大事记 list such events after the dated ones of the month). Undefined if undated.
 */
export function chronicleDay(entry: Pick<AssemblyEntry, 'eventDate' | 'eventDatePrecision'>): string | undefined {
  if (!entry.eventDate) return undefined;
  if (entry.eventDatePrecision !== 'month') return entry.eventDate;
  const [year, month] = entry.eventDate.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${entry.eventDate.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`;
}

/** 按日期排序: a section's entries by the day a chronicle files them under; ties and undated entries (last) keep their order. */
export function sortSectionByDate(arrangement: Arrangement, sectionId: string): Arrangement {
  const entries = arrangement.entries[sectionId];
  if (!entries) return arrangement;
  const sorted = entries
    .map((entry, index) => ({ entry, index, day: chronicleDay(entry) }))
    .sort((a, b) => (a.day === b.day ? a.index - b.index : a.day === undefined ? 1 : b.day === undefined ? -1 : a.day < b.day ? -1 : 1))
    .map(({ entry }) => entry);
  return { ...arrangement, entries: { ...arrangement.entries, [sectionId]: sorted } };
}

/** Whether two arrangements place the same entries in the same sections in the same order. */
export function sameArrangement(a: Arrangement, b: Arrangement): boolean {
  const order = (arrangement: Arrangement) => JSON.stringify(arrangementPayload(arrangement, 0).sections);
  return order(a) === order(b);
}

export function removeEntry(arrangement: Arrangement, entryId: string): Arrangement {
  const from = sectionOf(arrangement, entryId);
  if (!from) return arrangement;
  return { ...arrangement, entries: { ...arrangement.entries, [from]: arrangement.entries[from].filter(entry => entry.id !== entryId) } };
}

/** The body of PUT /api/issues/:id/arrangement: every section that holds entries or is active. */
export function arrangementPayload(arrangement: Arrangement, version: number): IssueArrangement {
  return {
    version,
    sections: arrangement.sections
      .filter(section => !section.retired || arrangement.entries[section.id].length > 0)
      .map(section => ({ sectionId: section.id, entryIds: arrangement.entries[section.id].map(entry => entry.id) })),
  };
}

/** Entries whose state keeps the issue from being signed off (everything must be approved). */
export const blocksSignOff = (entry: Pick<AssemblyEntry, 'status'>) => entry.status !== 'approved';
