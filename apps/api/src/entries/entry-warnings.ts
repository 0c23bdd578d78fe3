import type { EntryWarning } from '@dsyb/contracts';
import { missingGlyphs } from '@dsyb/typeset';
import { isoDate } from '@dsyb/domain';
import { entryDateWarnings } from '@dsyb/workflow';
import type { EventDatePrecision } from '@dsyb/contracts';

/**
 * What an entry, saved as it is, will not print: characters of its title or body (captions
 * included) that no font of the PDF has, found by the render's own check (libs/typeset
 * missingGlyphs). The save goes through; the editor is told, with an alternative where there is
 * an obvious one (an emoji removed, a compatibility ideograph normalised).
 */
export function entryWarnings(entry: SavedEntry, coverage?: IssueCoverage | null): EntryWarning[] {
  return [...glyphWarnings(entry), ...dateWarnings(entry, coverage)];
}

interface SavedEntry { title: string; bodyText: string; eventDate: Date; eventDatePrecision: EventDatePrecision }

/** The period of the issue the entry is in, as stored. */
export interface IssueCoverage { coverageStart: Date; coverageEnd: Date }

/**
 * An event date outside the issue's coverage, or another day than the body's first sentence
 * names (libs/workflow entryDateWarnings, which the admin's form also runs as the editor types).
 */
function dateWarnings(entry: SavedEntry, coverage?: IssueCoverage | null): EntryWarning[] {
  const period = coverage ? { coverageStart: isoDate(coverage.coverageStart), coverageEnd: isoDate(coverage.coverageEnd) } : null;
  return entryDateWarnings({ eventDate: isoDate(entry.eventDate), eventDatePrecision: entry.eventDatePrecision, bodyText: entry.bodyText }, period);
}

function glyphWarnings(entry: SavedEntry): EntryWarning[] {
  const missing = missingGlyphs([entry.title, entry.bodyText]);
  if (missing.length === 0) return [];
  const characters = missing.map(({ character }) => character);
  return [
    {
      code: 'missing-glyphs',
      characters,
      alternatives: missing,
      message: `以下字符字体中没有，印刷时无法显示：${characters.join('、')}`,
    },
  ];
}
