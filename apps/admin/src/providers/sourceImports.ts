/**
 * 导入版面 calls to the API: a page read into articles (nothing saved), then the accepted
 * articles saved as 来稿. Through the http client, as every call is (bearer token, the server's
 * Chinese message on errors). Pasted text goes as JSON; a chosen file (PDF, Word, image) as
 * multipart form data with the same fields, which the browser labels itself.
 */
import type { PageOrigin, PreviewResult, SavePayload, SaveResult } from '../sources/import/importDraft';
import { API_URL, httpClient } from './httpClient';

/** The page's origin as the API takes it: empty fields left out. */
function originFields(origin: PageOrigin): Record<string, string> {
  const fields: Record<string, string> = {};
  if (origin.newspaper.trim() !== '') fields.newspaper = origin.newspaper.trim();
  if (origin.issueDate.trim() !== '') fields.issueDate = origin.issueDate.trim();
  if (origin.page.trim() !== '') fields.page = origin.page.trim();
  return fields;
}

/** A batch of page files in the worker's queue, as GET /api/source-imports/batches/:id answers it. */
export interface ImportBatch {
  id: string;
  newspaper: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  files: { id: string; name: string; status: 'queued' | 'running' | 'done' | 'failed'; message: string | null; created: number; skipped: number; issueDate: string | null }[];
}

export const sourceImports = {
  /** 批量导入: the files go to the worker's queue; 202 with the batch to follow. */
  async startBatch(origin: PageOrigin, files: readonly File[]): Promise<ImportBatch> {
    const form = new FormData();
    for (const [name, value] of Object.entries(originFields(origin))) form.append(name, value);
    for (const file of files) form.append('files', file, file.name);
    const { json } = await httpClient(`${API_URL}/source-imports/batches`, { method: 'POST', body: form });
    return json as ImportBatch;
  },
  async batch(id: string): Promise<ImportBatch> {
    const { json } = await httpClient(`${API_URL}/source-imports/batches/${encodeURIComponent(id)}`);
    return json as ImportBatch;
  },
  /** 拆分文章: the page's articles, from its pasted text or from a file. */
  async preview(origin: PageOrigin, page: { text: string } | { file: File }): Promise<PreviewResult> {
    let body: string | FormData;
    if ('file' in page) {
      const form = new FormData();
      for (const [name, value] of Object.entries(originFields(origin))) form.append(name, value);
      form.append('file', page.file, page.file.name);
      body = form;
    } else {
      body = JSON.stringify({ ...originFields(origin), text: page.text });
    }
    const { json } = await httpClient(`${API_URL}/source-imports/preview`, { method: 'POST', body });
    return json as PreviewResult;
  },
  /** 保存: the ticked articles become 来稿; those already there are skipped and named. */
  async save(payload: SavePayload): Promise<SaveResult> {
    const { json } = await httpClient(`${API_URL}/source-imports`, { method: 'POST', body: JSON.stringify(payload) });
    return json as SaveResult;
  },
};
