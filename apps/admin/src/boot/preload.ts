/**
 * The first screen's data, asked for while the app's code is still loading: without this the
 * entries list asks for the signed-in user, then (once drawn) for its rows and filter choices,
 * then for the issues and sections its rows name — three rounds that each waited for the code and
 * for rendering. The answers wait in providers/preloadCache.ts until the data provider asks for
 * the same URL.
 */
import { ENTRY_LIST, ISSUE_CHOICES, SECTION_CHOICES } from '../entries/entryListQueries';
import { API_URL } from '../providers/apiUrl';
import { listUrl, manyUrl, preload } from '../providers/preloadCache';
import { liveSession } from '../providers/session';
import { screenOf, type Screen } from '../routes/screen';

/** The records the entries list's ReferenceFields show: issues and sections, by the rows' ids. */
export const LIST_REFERENCES = [['issues', 'issueId'], ['sections', 'sectionId']] as const;

/** The distinct ids the rows name in `field`. */
export function referencedIds(rows: unknown, field: string): string[] {
  if (!Array.isArray(rows)) return [];
  return [...new Set(rows.map((row) => (row as Record<string, unknown>)[field]).filter((id): id is string => typeof id === 'string'))];
}

/** The issues and sections the list's rows name, as its ReferenceFields will ask for them. */
function preloadReferences(rows: unknown, token: string): void {
  for (const [resource, field] of LIST_REFERENCES) {
    const wanted = referencedIds(rows, field);
    if (wanted.length > 0) void preload(manyUrl(resource, wanted), token);
  }
}

/** Whether the page opened on the entries list as it first shows (no page, sort or filter in the address). */
export function landsOnEntryList(screen = screenOf(window.location.hash)): boolean {
  return screen?.resource === 'entries' && screen.view === 'list' && !window.location.hash.includes('?');
}

/** Starts the requests the screen will make first, for a signed-in user. */
export function preloadScreenData(screen: Screen | undefined): void {
  const session = liveSession();
  if (!session) return;
  const { token } = session;
  void preload(`${API_URL}/auth/me`, token);
  if (landsOnEntryList(screen)) {
    void preload(listUrl('entries', ENTRY_LIST), token).then((answer) => preloadReferences(answer?.json, token));
    void preload(listUrl('issues', ISSUE_CHOICES), token);
    void preload(listUrl('sections', SECTION_CHOICES), token);
  }
}
