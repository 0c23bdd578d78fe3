/**
 * 年度大事记 through the API, against the running stack: a volume compiled from twelve published
 * issues of one year (2027, this file's own), in chronicle order and grouped by month, each event
 * linked to its monthly entry; edited on its own (title, drop, merge, add) without touching the
 * monthly issues; recompiled after a correction (勘误), which it offers to take or keep; reviewed,
 * signed off and published with the issue's rules, then frozen.
 */
import pg from 'pg';
import { docxFieldInstructions, docxParagraphs, docxPart } from '../libs/typeset/testing/docx-parts';
import { api, compact, correctTestIssue, currentVersion, finishedRendition, login, pdfPages, publishIssueOf } from './support';

const YEAR = 2027;
/** Made-up names of rare characters, so that nothing else in the shared database matches them. */
const WORD = '郯翟邴蒯笪';
/** A made-up person named in the bodies of the twelve 五日 events only. */
const PERSON = '笪蒯邴';

let editor: string;
let reviewer: string;
/** issues[m - 1]: the issue of month m; its entries: [day 20, month-precision, day 5]. */
const issues: Array<{ issueId: string; serialNumber: number; entryIds: string[] }> = [];
let late: { issueId: string; entryIds: string[] };
let volumeId: string;

type Event = { id: string; title: string; eventDate: string; eventDatePrecision: string; month: number; sourceEntryId: string | null; sourceIssue: { serialNumber: number } | null; excluded: boolean; mergedIntoId: string | null; bodyText: string; version: number; pendingChange: string | null; pending: { title: string } | null; edited: boolean };

const day = (month: number, date: number) => `${YEAR}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

async function events(filter: Record<string, unknown> = {}): Promise<Event[]> {
  const response = await api<Event[]>('GET', `/api/annual-volume-entries?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ volumeId, ...filter }))}`, { token: editor });
  expect(response.status).toBe(200);
  return response.body;
}

const volumeVersion = async () => (await api('GET', `/api/annual-volumes/${volumeId}`, { token: editor })).body.version as number;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  const tokens = { editor, reviewer };
  // Entered out of date order on purpose: the volume orders them, not the issue.
  for (let month = 1; month <= 12; month += 1) {
    issues.push(await publishIssueOf(tokens, YEAR, month, [
      { title: `${WORD}${month}月二十日事件`, eventDate: day(month, 20) },
      { title: `${WORD}${month}月本月事件`, eventDate: day(month, 1), eventDatePrecision: 'month' },
      { title: `${WORD}${month}月五日事件`, eventDate: day(month, 5), bodyText: `区长${PERSON}出席${month}月五日会议。` },
    ]));
  }
  // January's issue of the next year carries an event of the last days of this one.
  late = await publishIssueOf(tokens, YEAR + 1, 1, [{ title: `${WORD}岁末补记事件`, eventDate: day(12, 30) }, { title: `${WORD}次年事件`, eventDate: `${YEAR + 1}-01-03` }]);
}, 300_000);

describe('compiling the year', () => {
  it('refuses what cannot be compiled, with the reason', async () => {
    expect((await api('POST', '/api/annual-volumes', { token: reviewer, body: { year: YEAR } })).status).toBe(403);
    const early = await api('POST', '/api/annual-volumes', { token: editor, body: { year: 1800 } });
    expect(early.status).toBe(400);
    const empty = await api('POST', '/api/annual-volumes', { token: editor, body: { year: 1950 } });
    expect(empty.status).toBe(409);
    expect(empty.body.message).toContain('1950年还没有已发布的期刊');
    expect((await api('GET', '/api/annual-volumes/00000000-0000-4000-8000-000000000000', { token: editor })).status).toBe(404);
  });

  it('compiles the published issues’ events of the year into the volume (201)', async () => {
    const created = await api('POST', '/api/annual-volumes', { token: editor, body: { year: YEAR } });
    expect(created.status).toBe(201);
    volumeId = created.body.id;
    expect(created.body).toMatchObject({ year: YEAR, status: 'drafting', entryCount: 37, compilation: { added: 37, changed: 0, removed: 0 } });
    expect(created.body.title).toContain(`${YEAR}年大事记`);
    const again = await api('POST', '/api/annual-volumes', { token: editor, body: { year: YEAR } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`${YEAR}年的年度大事记已经存在`);
  });

  it('orders the events by date, grouped by month, month-only events at the month’s end, each linked to its monthly entry', async () => {
    const list = await events();
    expect(list.map((event) => event.title)).toEqual([
      ...Array.from({ length: 12 }, (_, index) => [`${WORD}${index + 1}月五日事件`, `${WORD}${index + 1}月二十日事件`, `${WORD}${index + 1}月本月事件`]).flatMap((titles, index) => (index === 11 ? [...titles.slice(0, 2), `${WORD}岁末补记事件`, titles[2]] : titles)),
    ]);
    expect(list.map((event) => event.month)).toEqual(list.map((event) => Number(event.eventDate.slice(5, 7))));
    expect(list.some((event) => event.title === `${WORD}次年事件`)).toBe(false);
    const march = list.find((event) => event.title === `${WORD}3月五日事件`)!;
    expect(march.sourceEntryId).toBe(issues[2].entryIds[2]);
    expect(march.sourceIssue!.serialNumber).toBe(issues[2].serialNumber);
    expect((await events({ month: 7 })).map((event) => event.title)).toEqual([`${WORD}7月五日事件`, `${WORD}7月二十日事件`, `${WORD}7月本月事件`]);
  });
});

describe('editing the volume on its own', () => {
  it('shortens an event’s title without touching the monthly entry', async () => {
    const event = (await events()).find((row) => row.title === `${WORD}2月五日事件`)!;
    const saved = await api('PUT', `/api/annual-volume-entries/${event.id}`, { token: editor, body: { version: event.version, title: `${WORD}二月会议` } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ title: `${WORD}二月会议`, edited: true });
    const monthly = await api('GET', `/api/entries/${issues[1].entryIds[2]}`, { token: editor });
    expect(monthly.body.title).toBe(`${WORD}2月五日事件`);
    const stale = await api('PUT', `/api/annual-volume-entries/${event.id}`, { token: editor, body: { version: event.version, title: '旧版本' } });
    expect(stale.status).toBe(409);
  });

  it('drops an event, merges two, and adds one no issue carried', async () => {
    const list = await events();
    const dropped = list.find((row) => row.title === `${WORD}4月本月事件`)!;
    expect((await api('DELETE', `/api/annual-volume-entries/${dropped.id}`, { token: editor })).status).toBe(200);
    const [first, second] = [list.find((row) => row.title === `${WORD}5月五日事件`)!, list.find((row) => row.title === `${WORD}5月二十日事件`)!];
    const merged = await api('POST', `/api/annual-volumes/${volumeId}/merge`, { token: editor, body: { entryIds: [first.id, second.id], title: `${WORD}五月两事` } });
    expect(merged.status).toBe(200);
    expect(merged.body.bodyText).toContain('5月五日会议');
    expect(merged.body.bodyText).toContain(`${WORD}5月二十日事件`);
    const added = await api('POST', '/api/annual-volume-entries', { token: editor, body: { volumeId, title: `${WORD}未见于月报之事`, eventDate: day(6, 10), bodyText: '补记。' } });
    expect(added.status).toBe(201);
    const outside = await api('POST', '/api/annual-volume-entries', { token: editor, body: { volumeId, title: '他年之事', eventDate: '2026-06-10' } });
    expect(outside.status).toBe(400);

    const after = await events({ excluded: false });
    expect(after.some((row) => row.id === dropped.id || row.id === second.id)).toBe(false);
    expect(after.filter((row) => row.month === 6).map((row) => row.title)).toEqual([`${WORD}6月五日事件`, `${WORD}未见于月报之事`, `${WORD}6月二十日事件`, `${WORD}6月本月事件`]);
    const kept = (await events({ excluded: true })).find((row) => row.id === second.id)!;
    expect(kept.mergedIntoId).toBe(first.id);
    expect((await api('GET', `/api/annual-volumes/${volumeId}`, { token: editor })).body).toMatchObject({ entryCount: 36, excludedCount: 2 });
  });
});

describe('recompiling after a monthly correction', () => {
  it('offers the corrected wording, keeps the editor’s text until they choose, and never brings back a dropped event', async () => {
    const [edited, untouched] = [issues[1].entryIds[2], issues[7].entryIds[0]];
    const version = await currentVersion(editor, 'issues', issues[1].issueId);
    expect((await correctTestIssue({ editor, reviewer }, issues[1].issueId, { version, reason: '标题有误', entries: [{ entryId: edited, title: `${WORD}2月五日事件（更正）` }] })).status).toBe(200);
    const version8 = await currentVersion(editor, 'issues', issues[7].issueId);
    expect((await correctTestIssue({ editor, reviewer }, issues[7].issueId, { version: version8, reason: '标题有误', entries: [{ entryId: untouched, title: `${WORD}8月二十日事件（更正）` }] })).status).toBe(200);

    const recompiled = await api('POST', `/api/annual-volumes/${volumeId}/recompile`, { token: editor, body: { version: await volumeVersion() } });
    expect(recompiled.status).toBe(200);
    expect(recompiled.body.compilation).toEqual({ added: 0, changed: 2, removed: 0 });
    expect(recompiled.body.pendingCount).toBe(2);

    const pending = await events({ pending: true });
    const mine = pending.find((row) => row.sourceEntryId === edited)!;
    expect(mine).toMatchObject({ title: `${WORD}二月会议`, pendingChange: 'changed', pending: { title: `${WORD}2月五日事件（更正）` } });
    const theirs = pending.find((row) => row.sourceEntryId === untouched)!;

    // 送审 waits for the editor's answer.
    const early = await api('POST', `/api/annual-volumes/${volumeId}/submit-review`, { token: editor, body: { version: await volumeVersion() } });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('月报更正未处理');

    const kept = await api('POST', `/api/annual-volume-entries/${mine.id}/upstream`, { token: editor, body: { version: mine.version, decision: 'keep' } });
    expect(kept.body).toMatchObject({ title: `${WORD}二月会议`, pendingChange: null });
    const taken = await api('POST', `/api/annual-volume-entries/${theirs.id}/upstream`, { token: editor, body: { version: theirs.version, decision: 'take' } });
    expect(taken.body).toMatchObject({ title: `${WORD}8月二十日事件（更正）`, pendingChange: null });
    const nothing = await api('POST', `/api/annual-volume-entries/${theirs.id}/upstream`, { token: editor, body: { version: taken.body.version, decision: 'take' } });
    expect(nothing.status).toBe(409);

    const quiet = await api('POST', `/api/annual-volumes/${volumeId}/recompile`, { token: editor, body: { version: await volumeVersion() } });
    expect(quiet.body.compilation).toEqual({ added: 0, changed: 0, removed: 0 });
    expect((await events({ excluded: false })).some((row) => row.title === `${WORD}4月本月事件`)).toBe(false);
  });
});

describe('the index (索引)', () => {
  it('proposes the names in the events, and takes the editor’s accept, merge and suppress', async () => {
    const proposed = await api('POST', `/api/annual-volumes/${volumeId}/index-terms/propose`, { token: editor });
    expect(proposed.status).toBe(200);
    const terms = async (filter: Record<string, unknown>) => (await api<Array<{ id: string; term: string; kind: string; status: string; occurrences: number; version: number; mergedIntoTerm: string | null }>>('GET', `/api/annual-index-terms?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ volumeId, ...filter }))}`, { token: editor })).body;
    // 区长笪蒯邴出席…: a post before a name of a rare surname, which the editor adds; in the twelve 五日 events.
    const added = await api('POST', '/api/annual-index-terms', { token: editor, body: { volumeId, term: PERSON, kind: 'person' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'accepted', origin: 'editor', occurrences: 12 });
    expect((await api('POST', '/api/annual-index-terms', { token: editor, body: { volumeId, term: PERSON, kind: 'person' } })).status).toBe(409);
    const other = await api('POST', '/api/annual-index-terms', { token: editor, body: { volumeId, term: `${PERSON}区长`, kind: 'person' } });
    const merged = await api('PUT', `/api/annual-index-terms/${other.body.id}`, { token: editor, body: { version: other.body.version, mergedIntoId: added.body.id } });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoTerm: PERSON });
    const proposal = (await terms({ status: 'proposed' }))[0];
    if (proposal) {
      const suppressed = await api('PUT', `/api/annual-index-terms/${proposal.id}`, { token: editor, body: { version: proposal.version, status: 'suppressed' } });
      expect(suppressed.body.status).toBe('suppressed');
    }
    expect((await api('PUT', `/api/annual-index-terms/${added.body.id}`, { token: editor, body: { version: added.body.version + 5, status: 'suppressed' } })).status).toBe(409);
    expect((await terms({ status: 'accepted' })).map((term) => term.term)).toContain(PERSON);
  });
});

describe('review and publication', () => {
  it('goes through 送审, 签发 and 发布 with the issue’s rules, then is frozen', async () => {
    const reviewerSubmit = await api('POST', `/api/annual-volumes/${volumeId}/submit-review`, { token: reviewer, body: { version: await volumeVersion() } });
    expect(reviewerSubmit.status).toBe(403);
    expect((await api('POST', `/api/annual-volumes/${volumeId}/submit-review`, { token: editor, body: { version: await volumeVersion() } })).status).toBe(200);
    const returned = await api('POST', `/api/annual-volumes/${volumeId}/return`, { token: reviewer, body: { version: await volumeVersion() } });
    expect(returned.status).toBe(400);
    expect((await api('POST', `/api/annual-volumes/${volumeId}/sign-off`, { token: reviewer, body: { version: await volumeVersion() } })).status).toBe(200);
    const locked = (await events())[0];
    expect((await api('PUT', `/api/annual-volume-entries/${locked.id}`, { token: editor, body: { version: locked.version, title: '签发后修改' } })).status).toBe(409);
    const published = await api('POST', `/api/annual-volumes/${volumeId}/publish`, { token: reviewer, body: { version: await volumeVersion() } });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const refused = await api('POST', `/api/annual-volumes/${volumeId}/recompile`, { token: editor, body: { version: await volumeVersion() } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('已发布');

    // The database itself refuses, for the application's own role.
    const client = new pg.Client({ connectionString: process.env.E2E_APP_DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query('UPDATE annual_volume_entries SET title = $1 WHERE id = $2', ['改', locked.id])).rejects.toThrow(/年度大事记已发布/);
      await expect(client.query('DELETE FROM annual_volumes WHERE id = $1', [volumeId])).rejects.toThrow(/已发布/);
    } finally {
      await client.end();
    }
    // The Word export of the published volume: its months as Heading 1, its events under them, the index marked.
    const word = await api<Buffer>('GET', `/api/annual-volumes/${volumeId}/export.docx`, { token: reviewer });
    expect(word.status).toBe(200);
    expect(decodeURIComponent(word.headers.get('content-disposition') ?? '')).toContain(`${YEAR}年大事记.docx`);
    const xml = docxPart(word.body, 'word/document.xml');
    const paragraphs = docxParagraphs(xml);
    const months = paragraphs.filter((paragraph) => paragraph.style === 'Heading1').map((paragraph) => paragraph.text);
    expect(months.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, index) => expect.stringContaining(`${index + 1}月`)));
    const titles = paragraphs.filter((paragraph) => paragraph.style === 'Heading2').map((paragraph) => paragraph.text);
    expect(titles.indexOf(`${WORD}8月二十日事件（更正）`)).toBeGreaterThan(titles.indexOf(`${WORD}二月会议`));
    expect(titles).not.toContain(`${WORD}4月本月事件`);
    expect(docxFieldInstructions(xml)).toEqual(expect.arrayContaining([expect.stringContaining(`XE "${PERSON}"`)]));

    // The final PDF, typeset by the worker from the publication: its index lists the person with
    // exactly the pages the name is printed on (page numbers as printed in each page's footer).
    const requested = await api('POST', `/api/annual-volumes/${volumeId}/renditions`, { token: editor, body: { kind: 'final' } });
    expect(requested.status).toBe(202);
    const final = await finishedRendition(editor, requested.body.id);
    const pdf = await api<Buffer>('GET', final.fileUrl, { token: editor });
    const pages = pdfPages(pdf.body);
    const indexStart = pages.findIndex((page, number) => number > 1 && /^\s*索\s*引\s*$/m.test(page));
    expect(indexStart).toBeGreaterThan(0);
    // The footer, the page's last line, prints its number between dashes (—3—).
    const printedNumber = (page: string) => Number(/(\d+)\D*$/.exec(page.trim())?.[1]);
    const printedOn = pages.slice(0, indexStart).flatMap((page) => (compact(page).includes(PERSON) ? [printedNumber(page)] : []));
    expect(printedOn.length).toBeGreaterThan(1);
    const entry = pages.slice(indexStart).join('\n').split('\n').find((line) => line.includes(PERSON))!;
    const listed = compact(entry).slice(compact(entry).indexOf(PERSON) + PERSON.length).split(/[，,]/).map((number) => Number(/^\d+/.exec(number)?.[0]));
    expect(listed).toEqual(printedOn);

    const history = await api<Array<{ action: string }>>('GET', `/api/annual-volumes/${volumeId}/history`, { token: editor });
    expect(history.body.map((event) => event.action)).toEqual(expect.arrayContaining(['annual_volume.create', 'annual_volume.recompile', 'annual_volume.submit_review', 'annual_volume.sign_off', 'annual_volume.publish']));
  });
});
