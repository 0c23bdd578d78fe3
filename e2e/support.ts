import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The running stack started by scripts/test.mjs. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the end-to-end tests with `npm test`, which starts the stack.');
  return url;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(method: string, route: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl()}${route}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('application/json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: body as T };
}

export async function login(username: string, password = 'demo12345'): Promise<string> {
  const response = await api<{ accessToken: string }>('POST', '/api/auth/login', { body: { username, password } });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

/** Text of each page of a PDF, read back with poppler's pdftotext. */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsyb-pdf-'));
  const file = path.join(dir, 'issue.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

export const compact = (text: string) => text.replace(/\s+/g, '');

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mm = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const lastDay = (year: number, month: number) => String(new Date(Date.UTC(year, month, 0)).getUTCDate());

/** POST /api/issues of (year, month): the issue covers its own month, so entries tests date on a day of it are in its period. */
function postIssue<T = any>(token: string, year: number, month: number, serialNumber: number) {
  return api<T>('POST', '/api/issues', {
    token,
    body: { year, month, serialNumber, publicationDate: `${mm(year, month)}-15`, coverageStart: `${mm(year, month)}-01`, coverageEnd: `${mm(year, month)}-${lastDay(year, month)}` },
  });
}

/**
 * A fresh drafting issue for one test file. Its (year, month) lies in the file's own range of
 * years and its serial number, where one is still free, below 97, so the reference issue stays
 * first in the list sorted by serial number; both are drawn again when already taken by a test
 * running in parallel. The whole suite makes more than 96 test issues in one database, so once
 * twenty draws below 97 were taken the serial number is drawn from 10000–89999 (no test names
 * one there).
 */
export async function createTestIssue<T = any>(token: string, firstYear: number, years = 9): Promise<T> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const year = firstYear + Math.floor(Math.random() * years);
    const month = 1 + Math.floor(Math.random() * 12);
    const serialNumber = attempt < 20 ? 1 + Math.floor(Math.random() * 96) : 10000 + Math.floor(Math.random() * 80000);
    const response = await postIssue<T>(token, year, month, serialNumber);
    if (response.status === 201) return response.body;
    if (response.status !== 409) throw new Error(`creating an issue failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  throw new Error(`no free (year, month) from ${firstYear} or serial number for a test issue`);
}

/**
 * An entry in the first section of a fresh test issue (createTestIssue), dated on `day` of the
 * issue's month: what a test needs to open in the editor.
 */
export async function createTestEntry(
  token: string,
  firstYear: number,
  entry: { title: string; bodyHtml: string; day: number },
): Promise<{ issueId: string; entryId: string }> {
  const issue = await createTestIssue<{ id: string; year: number; month: number }>(token, firstYear);
  const sections = (await api<Array<{ id: string }>>('GET', '/api/sections', { token })).body;
  const created = await api<{ id: string }>('POST', '/api/entries', {
    token,
    body: {
      title: entry.title,
      sectionId: sections[0].id,
      issueId: issue.id,
      eventDate: `${issue.year}-${String(issue.month).padStart(2, '0')}-${String(entry.day).padStart(2, '0')}`,
      bodyHtml: entry.bodyHtml,
    },
  });
  if (created.status !== 201) throw new Error(`creating a test entry failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { issueId: issue.id, entryId: created.body.id };
}

/** The version of an issue or entry as the API has it now. */
export async function currentVersion(token: string, kind: 'issues' | 'entries', id: string): Promise<number> {
  return (await api('GET', `/api/${kind}/${id}`, { token })).body.version;
}

/** A workflow transition (submit, approve, submit-review, sign-off, publish…) with the current version. */
export async function transition(token: string, kind: 'issues' | 'entries', id: string, action: string): Promise<void> {
  const response = await api('POST', `/api/${kind}/${id}/${action}`, { token, body: { version: await currentVersion(token, kind, id) } });
  if (response.status !== 200 && response.status !== 201) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Waits for a rendition to be done (fails at once if it failed). */
export async function finishedRendition(token: string, id: string): Promise<any> {
  return waitFor(async () => {
    const poll = await api('GET', `/api/renditions/${id}`, { token });
    if (poll.body.status === 'failed') throw new Error(`rendition failed: ${poll.body.error}`);
    return poll.body.status === 'done' ? poll.body : undefined;
  }, 60000);
}

/**
 * A one-entry issue of a fresh test issue (createTestIssue from `firstYear`) driven through review,
 * sign-off and publication, with its final PDF; `recipientIds` become its distribution list first.
 * The entry goes into `sectionId`, or else the first section.
 */
/**
 * 勘误 as the workflow has it: the editor starts the correction, the reviewer signs it off with
 * the issue version then current. Answers the sign-off's response (the correction and its final).
 */
export async function correctTestIssue(
  tokens: { editor: string; reviewer: string },
  issueId: string,
  body: { version: number; reason: string; entries: { entryId: string; title?: string; bodyText?: string; bodyHtml?: string }[] },
) {
  const started = await api('POST', `/api/issues/${issueId}/corrections`, { token: tokens.editor, body });
  if (started.status !== 201) return started;
  const version = (await api('GET', `/api/issues/${issueId}`, { token: tokens.editor })).body.version;
  return api('POST', `/api/issues/${issueId}/corrections/${started.body.id}/sign-off`, { token: tokens.reviewer, body: { version } });
}

export async function publishTestIssue(
  tokens: { editor: string; reviewer: string },
  firstYear: number,
  title: string,
  recipientIds: string[] = [],
  sectionId?: string,
): Promise<{ issueId: string; entryId: string; year: number; final: any }> {
  const { editor, reviewer } = tokens;
  const issue = await createTestIssue<{ id: string; year: number; month: number; version: number }>(editor, firstYear);
  const section = sectionId ?? (await api('GET', '/api/sections', { token: editor })).body[0].id;
  const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-02`;
  const entry = await api('POST', '/api/entries', { token: editor, body: { title, sectionId: section, issueId: issue.id, eventDate, bodyText: `${issue.month}月2日，原文。` } });
  if (entry.status !== 201) throw new Error(`creating the entry failed: ${entry.status} ${JSON.stringify(entry.body)}`);
  if (recipientIds.length > 0) {
    const set = await api('PUT', `/api/issues/${issue.id}/recipients`, { token: editor, body: { version: issue.version, recipientIds } });
    if (set.status !== 200) throw new Error(`setting the distribution list failed: ${set.status} ${JSON.stringify(set.body)}`);
  }
  await transition(editor, 'entries', entry.body.id, 'submit');
  await transition(reviewer, 'entries', entry.body.id, 'approve');
  await transition(editor, 'issues', issue.id, 'submit-review');
  await transition(reviewer, 'issues', issue.id, 'sign-off');
  await transition(reviewer, 'issues', issue.id, 'publish');
  const final = await api('POST', `/api/issues/${issue.id}/renditions`, { token: editor, body: { kind: 'final' } });
  return { issueId: issue.id, entryId: entry.body.id, year: issue.year, final: await finishedRendition(editor, final.body.id) };
}

/**
 * A published issue of exactly (year, month) with the given entries, in the first section, in
 * that order (each submitted, approved; the issue sent to review, signed off and published). Its
 * serial number is drawn from 10000–89999. Answers the issue and its entries' ids.
 */
export async function publishIssueOf(
  tokens: { editor: string; reviewer: string },
  year: number,
  month: number,
  entries: Array<{ title: string; eventDate: string; eventDatePrecision?: 'day' | 'month'; bodyText?: string }>,
): Promise<{ issueId: string; serialNumber: number; entryIds: string[] }> {
  const { editor, reviewer } = tokens;
  let issue: { id: string; serialNumber: number } | undefined;
  let refusal = '';
  for (let attempt = 0; attempt < 20 && !issue; attempt += 1) {
    const serialNumber = 10000 + Math.floor(Math.random() * 80000);
    const created = await postIssue(editor, year, month, serialNumber);
    if (created.status === 201) issue = created.body;
    else if (created.status === 409) refusal = JSON.stringify(created.body);
    else throw new Error(`creating the issue ${year}-${month} failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  // (year, month) already taken, or twenty serial numbers drawn were.
  if (!issue) throw new Error(`creating the issue ${year}-${month} failed: ${refusal}`);
  const section = (await api('GET', '/api/sections', { token: editor })).body[0].id;
  const entryIds: string[] = [];
  for (const [position, entry] of entries.entries()) {
    const created = await api('POST', '/api/entries', { token: editor, body: { sectionId: section, issueId: issue.id, position, bodyText: entry.bodyText ?? `${entry.title}。`, ...entry } });
    if (created.status !== 201) throw new Error(`creating an entry failed: ${created.status} ${JSON.stringify(created.body)}`);
    entryIds.push(created.body.id);
    await transition(editor, 'entries', created.body.id, 'submit');
    await transition(reviewer, 'entries', created.body.id, 'approve');
  }
  const confirm = async (action: string, token: string) => {
    const response = await api('POST', `/api/issues/${issue!.id}/${action}`, { token, body: { version: await currentVersion(token, 'issues', issue!.id), confirmOutOfPeriod: true } });
    if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  await confirm('submit-review', editor);
  await confirm('sign-off', reviewer);
  await transition(reviewer, 'issues', issue.id, 'publish');
  return { issueId: issue.id, serialNumber: issue.serialNumber, entryIds };
}
