import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, withLifecycleCallbacks, type DataProvider, type UpdateParams } from 'react-admin';
import { API_URL, fetchFile, httpClient } from './httpClient';
import { i18nProvider } from './i18n/i18nProvider';
import type { Rendition, RenditionKind } from './types';
import { changedData, creatableData, WRITABLE } from './writableFields';

/** What the admin asks of the API beyond react-admin's CRUD methods. */
export interface AppDataProvider extends DataProvider {
  /** Queues a typesetting of the issue (or returns the one already made for unchanged content). */
  requestRendition(issueId: string, kind: RenditionKind): Promise<Rendition>;
  /** The PDF of a finished rendition, fetched with the bearer token. */
  renditionFile(renditionId: string): Promise<{ blob: Blob; filename: string | undefined }>;
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
 * A stale version is refused with 409 `{message, currentVersion}`. The notification says so in
 * the user's language and tells them their changes are still in the form; the status and body
 * stay on the error for the merge screen to come.
 */
function explainStaleVersion(resource: string, params: UpdateParams, error: unknown): unknown {
  if (!(error instanceof HttpError) || error.status !== 409) return error;
  const currentVersion = (error.body as { currentVersion?: unknown } | undefined)?.currentVersion;
  if (typeof currentVersion !== 'number') return error;
  // Only issues and entries are versioned (writableFields.ts); each has its own sentence.
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
};
