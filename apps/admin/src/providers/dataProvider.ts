import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, withLifecycleCallbacks, type DataProvider, type UpdateParams } from 'react-admin';
import { API_URL, fetchFile, httpClient } from './httpClient';
import { i18nProvider } from '../i18n/i18nProvider';
import type {
  CorrectionWording,
  Entry,
  EntryComment,
  EntryRevision,
  EntryTransition,
  Issue,
  IssueArrangement,
  IssueDetail,
  IssueCorrectionSummary,
  IssueHistoryEvent,
  IssueTransition,
  Masthead,
  MastheadChanges,
  Rendition,
  RenditionKind,
  StartCorrectionBody,
  TransitionBody,
} from '@dsyb/contracts';
import { changedData, creatableData, WRITABLE } from './writableFields';
import { searchRequestPath, SEARCH_PAGE_SIZE, totalFromContentRange } from '../search/searchResults';
import type { SearchFilter, SearchPage } from '../search/searchTypes';

/** Where 据此起草条目 puts the drafted entry. */
export interface DraftTarget {
  issueId: string;
  sectionId: string;
}

export interface DraftEntriesResult {
  created: Entry[];
  failed: { sourceId: string; message: string }[];
}

/** What the admin asks of the API beyond react-admin's CRUD methods. */
export interface AppDataProvider extends DataProvider {
  /** Queues a typesetting of the issue (or returns the one already made for unchanged content). */
  requestRendition(issueId: string, kind: RenditionKind): Promise<Rendition>;
  /** The PDF of a finished rendition, fetched with the bearer token. */
  renditionFile(renditionId: string): Promise<{ blob: Blob; filename: string | undefined }>;
  /** A file the API serves at `path` (under /api, e.g. `issues/<id>/export.docx`), fetched with the bearer token. */
  apiFile(path: string): Promise<{ blob: Blob; filename: string | undefined }>;
  /** 提交审核 / 撤回 / 通过 / 退回修改, with the version that was read. */
  entryTransition(entryId: string, action: EntryTransition, body: TransitionBody): Promise<Entry>;
  /** 送审 / 签发 / 退回 / 发布, with the version that was read. */
  issueTransition(issueId: string, action: IssueTransition, body: TransitionBody): Promise<Issue>;
  entryComments(entryId: string): Promise<EntryComment[]>;
  addEntryComment(entryId: string, body: string): Promise<EntryComment>;
  /** Every saved version, newest first. */
  entryRevisions(entryId: string): Promise<EntryRevision[]>;
  /** Saves an old version's wording as a new version on top of `version`. */
  restoreEntryRevision(entryId: string, revision: number, version: number): Promise<Entry>;
  /** The issue's transitions and their comments, oldest first. */
  issueHistory(issueId: string): Promise<IssueHistoryEvent[]>;
  arrangeIssue(issueId: string, arrangement: IssueArrangement): Promise<IssueDetail>;
  setIssueRecipients(issueId: string, body: { version: number; recipientIds: string[] }): Promise<IssueDetail>;
  /** 据此起草条目: a draft entry from a source, in the issue and section given. */
  draftEntryFromSource(sourceId: string, target: DraftTarget): Promise<Entry>;
  /** 据此起草条目 for several sources; each that fails is named with the server's reason. */
  draftEntriesFromSources(sourceIds: readonly string[], target: DraftTarget): Promise<DraftEntriesResult>;
  masthead(): Promise<Masthead>;
  updateMasthead(changes: MastheadChanges): Promise<Masthead>;
  /** 勘误 of a published issue, oldest first. */
  issueCorrections(issueId: string): Promise<IssueCorrectionSummary[]>;
  /** The issue's entries with the wording they print now: what a correction starts from. */
  correctionWording(issueId: string): Promise<CorrectionWording[]>;
  /** 发起勘误 */
  startCorrection(issueId: string, body: StartCorrectionBody): Promise<IssueCorrectionSummary>;
  /** 签发勘误 / 退回勘误, with the issue version that was read. */
  decideCorrection(issueId: string, correctionId: string, action: 'sign-off' | 'return', body: TransitionBody): Promise<IssueCorrectionSummary>;
  /** 搜索: entries, sources and issues matching the query, best first, `limit` from `offset`, with the total. */
  search(q: string, filter: SearchFilter, offset: number, limit?: number, signal?: AbortSignal): Promise<SearchPage>;
}

/**
 * The API follows ra-data-simple-rest's conventions (`Content-Range`, sort/range/filter as
 * JSON). Writes send only what the API accepts: creates the writable fields, updates the
 * writable fields that changed plus the version that was read.
 */
const restProvider = withLifecycleCallbacks(
  simpleRestProvider(API_URL, httpClient),
  Object.keys(WRITABLE).map(resource => ({
    resource,
    beforeCreate: async params => ({ ...params, data: creatableData(resource, params.data) }),
  })),
);

/**
 * A stale version is refused with 409 `{message, currentVersion}`. The message says so in the
 * user's language and that their changes are still in the form; the status and body stay on the
 * error, from which the entry's edit page opens its merge dialog (EntryEdit).
 */
function explainStaleVersion(resource: string, params: UpdateParams, error: unknown): unknown {
  if (!(error instanceof HttpError) || error.status !== 409) return error;
  const currentVersion = (error.body as { currentVersion?: unknown } | undefined)?.currentVersion;
  if (typeof currentVersion !== 'number') return error;
  // Only issues and entries are versioned (providers/writableFields.ts); each has its own sentence.
  const message = i18nProvider.translate(`app.stale_version.${resource}`, {
    yours: params.previousData?.version ?? '?',
    current: currentVersion,
  });
  return new HttpError(message, error.status, error.body);
}

export const dataProvider: AppDataProvider = {
  ...restProvider,

  async update(resource, params) {
    const data = changedData(resource, params.data, params.previousData);
    // Nothing the API stores has changed: no request, and no new version of the record.
    if (data === undefined) return { data: params.previousData ?? params.data };
    try {
      const { data: saved } = await restProvider.update(resource, { ...params, data });
      // An update answers with the bare record; what only a read adds (an issue's contents, an
      // entry's credits) is kept from the record that was read until the next read.
      return { data: { ...params.previousData, ...saved } };
    } catch (error) {
      throw explainStaleVersion(resource, params, error);
    }
  },

  async requestRendition(issueId, kind) {
    const { json } = await httpClient(`${API_URL}/issues/${encodeURIComponent(issueId)}/renditions`, {
      method: 'POST',
      body: JSON.stringify({ kind }),
    });
    return json as Rendition;
  },

  renditionFile(renditionId) {
    return fetchFile(`${API_URL}/renditions/${encodeURIComponent(renditionId)}/file`);
  },

  apiFile(path) {
    return fetchFile(`${API_URL}/${path}`);
  },

  entryTransition(entryId, action, body) {
    return send<Entry>('POST', `entries/${encodeURIComponent(entryId)}/${action}`, body);
  },

  issueTransition(issueId, action, body) {
    return send<Issue>('POST', `issues/${encodeURIComponent(issueId)}/${action.replace('_', '-')}`, body);
  },

  entryComments(entryId) {
    return send<EntryComment[]>('GET', `entries/${encodeURIComponent(entryId)}/comments`);
  },

  addEntryComment(entryId, body) {
    return send<EntryComment>('POST', `entries/${encodeURIComponent(entryId)}/comments`, { body });
  },

  entryRevisions(entryId) {
    return send<EntryRevision[]>('GET', `entries/${encodeURIComponent(entryId)}/revisions`);
  },

  restoreEntryRevision(entryId, revision, version) {
    return send<Entry>('POST', `entries/${encodeURIComponent(entryId)}/revisions/restore`, { revision, version });
  },

  issueHistory(issueId) {
    return send<IssueHistoryEvent[]>('GET', `issues/${encodeURIComponent(issueId)}/history`);
  },

  arrangeIssue(issueId, arrangement) {
    return send<IssueDetail>('PUT', `issues/${encodeURIComponent(issueId)}/arrangement`, arrangement);
  },

  setIssueRecipients(issueId, body) {
    return send<IssueDetail>('PUT', `issues/${encodeURIComponent(issueId)}/recipients`, body);
  },

  draftEntryFromSource(sourceId, target) {
    return send<Entry>('POST', `sources/${encodeURIComponent(sourceId)}/draft-entry`, target);
  },

  draftEntriesFromSources(sourceIds, target) {
    return send<DraftEntriesResult>('POST', 'sources/draft-entries', { ...target, sourceIds });
  },

  masthead() {
    return send<Masthead>('GET', 'settings/masthead');
  },

  updateMasthead(changes) {
    return send<Masthead>('PUT', 'settings/masthead', changes);
  },

  issueCorrections(issueId) {
    return send<IssueCorrectionSummary[]>('GET', `issues/${encodeURIComponent(issueId)}/corrections`);
  },

  correctionWording(issueId) {
    return send<CorrectionWording[]>('GET', `issues/${encodeURIComponent(issueId)}/corrections/wording`);
  },

  startCorrection(issueId, body) {
    return send<IssueCorrectionSummary>('POST', `issues/${encodeURIComponent(issueId)}/corrections`, body);
  },

  decideCorrection(issueId, correctionId, action, body) {
    return send<IssueCorrectionSummary>('POST', `issues/${encodeURIComponent(issueId)}/corrections/${encodeURIComponent(correctionId)}/${action}`, body);
  },

  async search(q, filter, offset, limit = SEARCH_PAGE_SIZE, signal) {
    if (q.trim() === '') return { data: [], total: 0 };
    const { json, headers } = await httpClient(`${API_URL}/${searchRequestPath(q, filter, offset, limit)}`, { signal });
    const data = Array.isArray(json) ? (json as SearchPage['data']) : [];
    return { data, total: totalFromContentRange(headers.get('Content-Range'), offset + data.length) };
  },
};

/** One call to the API beyond CRUD; its error carries the server's message, status and body. */
async function send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json as T;
}
