import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api, createTestIssue, login, transition } from './support';

jest.setTimeout(60000);

/** This file's test issues lie in 2150–2158. */
const FIRST_YEAR = 2150;

const pageB = readFileSync(path.join(__dirname, '../seeds/sources/newspaper-page-b.txt'), 'utf8');
/** An article of page B, from 本报讯 to the line before its byline. */
function article(startsWith: string): string {
  const start = pageB.indexOf(`本报讯 ${startsWith}`);
  return pageB.slice(start, pageB.indexOf('记者 张改华', start)).trim();
}

let editor: string;
let reviewer: string;
let sectionId: string;
const suffix = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  sectionId = (await api<{ id: string }[]>('GET', '/api/sections', { token: editor })).body[0].id;
});

async function contributor(name: string, role: string): Promise<string> {
  const created = await api<{ id: string }>('POST', '/api/contributors', { token: editor, body: { name, role } });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function source(body: Record<string, unknown>): Promise<string> {
  const created = await api<{ id: string }>('POST', '/api/sources', { token: editor, body: { newspaper: `中原区报${suffix}`, issueDate: '2020-09-10', page: '2', ...body } });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('据此起草条目 (POST /api/sources/:id/draft-entry)', () => {
  it('drafts a chronicle-style entry from a source, credited to its contributors in byline order', async () => {
    // The correspondent first, then the reporter: the order is the byline's, not the roles'.
    const correspondent = await contributor(`吴赛${suffix}`, 'correspondent');
    const reporter = await contributor(`张改华${suffix}`, 'reporter');
    const sourceId = await source({
      headline: '“全城清洁”助力创文 中原区纪委监委开展党员志愿服务活动',
      text: article('为助力郑州创文'),
      contributors: [{ contributorId: correspondent, role: 'correspondent' }, { contributorId: reporter, role: 'reporter' }],
    });
    const issue = await createTestIssue<{ id: string }>(editor, FIRST_YEAR);

    const drafted = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { issueId: issue.id, sectionId } });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      title: '中原区纪委监委开展党员志愿服务活动',
      eventDate: '2020-09-07',
      eventDatePrecision: 'day',
      sourceId,
      issueId: issue.id,
      sectionId,
      status: 'draft',
    });
    expect(drafted.body.bodyText).toMatch(/^9月7日，中原区纪委监委机关党委组织各支部党员到辖区郑煤家属院开展党员志愿服务活动，/);
    expect(drafted.body.bodyText).not.toContain('为助力郑州创文');

    const entry = await api('GET', `/api/entries/${drafted.body.id}`, { token: editor });
    expect(entry.body.contributors).toEqual([
      { contributorId: correspondent, name: `吴赛${suffix}`, role: 'correspondent' },
      { contributorId: reporter, name: `张改华${suffix}`, role: 'reporter' },
    ]);
    expect(entry.body.bodyHtml).toMatch(/^<p>9月7日，/);
    // Created like any new entry: its first revision and an entry.create audit event.
    const revisions = await api<any[]>('GET', `/api/entries/${drafted.body.id}/revisions`, { token: editor });
    expect(revisions.status).toBe(200);
    expect(revisions.body).toHaveLength(1);
  });

  it('answers an unknown source with 404, an unknown issue or section with 400, in Chinese', async () => {
    const issue = await createTestIssue<{ id: string }>(editor, FIRST_YEAR);
    const sourceId = await source({ headline: `中原区召开河长制工作推进会${suffix}`, text: '9月18日，中原区召开河长制工作推进会。' });
    const unknown = randomUUID();
    const missingSource = await api('POST', `/api/sources/${unknown}/draft-entry`, { token: editor, body: { issueId: issue.id, sectionId } });
    expect(missingSource.status).toBe(404);
    expect(missingSource.body.message).toBe(`来稿不存在：${unknown}`);
    const missingIssue = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { issueId: unknown, sectionId } });
    expect(missingIssue.status).toBe(400);
    expect(missingIssue.body.message).toContain('期刊不存在');
    const missingSection = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { issueId: issue.id, sectionId: unknown } });
    expect(missingSection.status).toBe(400);
    expect(missingSection.body.message).toContain('栏目不存在');
    const noIssue = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { sectionId } });
    expect(noIssue.status).toBe(400);
    // A reviewer does not write entries.
    const asReviewer = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: reviewer, body: { issueId: issue.id, sectionId } });
    expect(asReviewer.status).toBe(403);
  });

  it('refuses an issue that is signed off or published, with a Chinese message', async () => {
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-02`;
    const entry = await api('POST', '/api/entries', { token: editor, body: { title: '已签发期刊的条目', sectionId, issueId: issue.id, eventDate, bodyText: `${issue.month}月2日，原文。` } });
    expect(entry.status).toBe(201);
    await transition(editor, 'entries', entry.body.id, 'submit');
    await transition(reviewer, 'entries', entry.body.id, 'approve');
    await transition(editor, 'issues', issue.id, 'submit-review');
    await transition(reviewer, 'issues', issue.id, 'sign-off');
    const sourceId = await source({ headline: `中原区召开第七次全国人口普查工作推进会${suffix}`, text: '9月28日，中原区召开第七次全国人口普查工作推进会。' });

    const signedOff = await api('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { issueId: issue.id, sectionId } });
    expect(signedOff.status).toBe(409);
    expect(signedOff.body.message).toMatch(/已签发，内容已锁定/);
    await transition(reviewer, 'issues', issue.id, 'publish');
    const published = await api('POST', '/api/sources/draft-entries', { token: editor, body: { sourceIds: [sourceId], issueId: issue.id, sectionId } });
    expect(published.status).toBe(409);
    expect(published.body.message).toMatch(/已发布，内容已冻结/);
    const none = await api<any[]>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ sourceId }))}`, { token: editor });
    expect(none.body).toEqual([]);
  });
});

describe('据此起草条目 for several sources (POST /api/sources/draft-entries)', () => {
  it('creates an entry per known source and reports an unknown one in failed', async () => {
    const issue = await createTestIssue<{ id: string }>(editor, FIRST_YEAR);
    const first = await source({ headline: '中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议 集中收听收看全国抗击新冠肺炎疫情表彰大会', text: article('9月8日上午') });
    const second = await source({ headline: '创新服务模式 拓展服务渠道 中原区召开网上政务服务能力提升工作推进会', text: article('为积极做好2020年') });
    const unknown = randomUUID();

    const response = await api('POST', '/api/sources/draft-entries', { token: editor, body: { sourceIds: [first, unknown, second], issueId: issue.id, sectionId } });
    expect(response.status).toBe(201);
    expect(response.body.created.map((entry: any) => [entry.sourceId, entry.title, entry.eventDate])).toEqual([
      [first, '中原区委理论学习中心组召开2020年度第九次集体学习（扩大）会议', '2020-09-08'],
      [second, '中原区召开网上政务服务能力提升工作推进会', '2020-09-01'],
    ]);
    expect(response.body.created[0].bodyText).toMatch(/^9月8日上午，中原区委理论学习中心组召开第九次集体学习（扩大）会议，/);
    expect(response.body.created[1].bodyText).toMatch(/^9月1日下午，中原区召开网上政务服务能力提升工作推进会。/);
    expect(response.body.failed).toEqual([{ sourceId: unknown, message: `来稿不存在：${unknown}` }]);
    // In the issue's section, one after the other.
    expect(response.body.created.map((entry: any) => entry.position)).toEqual([0, 1]);

    const empty = await api('POST', '/api/sources/draft-entries', { token: editor, body: { sourceIds: [], issueId: issue.id, sectionId } });
    expect(empty.status).toBe(400);
  });
});
