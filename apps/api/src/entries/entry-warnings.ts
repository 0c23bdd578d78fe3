import type { EntryWarning, EventDatePrecision } from '@dsyb/contracts';
import { isoDate } from '@dsyb/domain';
import { htmlToBlocks } from '@dsyb/rich-text';
import { lowResolutionFigures, missingGlyphs } from '@dsyb/typeset';
import { entryDateWarnings } from '@dsyb/workflow';

/**
 * What an entry, saved as it is, will not print well. Characters of its title or body (captions
 * included) that no font of the PDF has, found by the render's own check (libs/typeset
 * missingGlyphs), with an alternative where there is an obvious one (an emoji removed, a
 * compatibility ideograph normalised); figures too small for the size they print at (below
 * 150 dpi, libs/typeset lowResolutionFigures); and an event date outside the issue's period or
 * disagreeing with the body's own date. The save goes through; the editor is told.
 *
 * Figures are judged on A4: the issue's PDF is typeset on A4 whatever the masthead's paper says
 * (the worker renders without page settings).
 */
export function entryWarnings(entry: SavedEntry, coverage?: IssueCoverage | null): EntryWarning[] {
  return [...glyphWarnings(entry), ...(entry.bodyHtml ? lowResolutionFigures(htmlToBlocks(entry.bodyHtml)) : []), ...dateWarnings(entry, coverage)];
}

interface SavedEntry { title: string; bodyText: string; bodyHtml?: string | null; eventDate: Date; eventDatePrecision: EventDatePrecision }

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
