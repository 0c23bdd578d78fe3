/**
 * Event dates against the issue's period, and an issue's dates against its year and month,
 * through the API of the running stack. An entry dated outside the coverage holds back 送审 and
 * 签发 with a 409 that lists it (dates as people read them) until the request confirms it; an
 * entry whose body names another day than its event date is saved with a warning; an issue whose
 * publication date or coverage contradicts its month is refused with a 400 in Chinese.
 *
 * Test data is its own: issues in 2180–2188 (createTestIssue), covering their own month.
 */
import { api, createTestIssue, currentVersion, login, transition } from './support';

jest.setTimeout(60000);

interface IssueRecord { id: string; year: number; month: number; version: number; status: string; coverageStart: string; coverageEnd: string }

let editor: string;
let reviewer: string;
let sectionId: string;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token: editor })).body[0].id;
});

const day = (issue: IssueRecord, dd: number) => `${issue.coverageStart.slice(0, 8)}${String(dd).padStart(2, '0')}`;
/** The day before the coverage starts: an event of the month before. */
const dayBefore = (issue: IssueRecord) => new Date(Date.parse(`${issue.coverageStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

async function approvedEntry(issue: IssueRecord, title: string, eventDate: string) {
  const created = await api('POST', '/api/entries', { token: editor, body: { title, sectionId, issueId: issue.id, eventDate, bodyText: '区里召开会议。' } });
  expect(created.status).toBe(201);
  await transition(editor, 'entries', created.body.id, 'submit');
  await transition(reviewer, 'entries', created.body.id, 'approve');
  return created.body.id as string;
}

describe('entries dated outside the issue period', () => {
  it('holds back 送审 and 签发 with a 409 listing them until the editor confirms', async () => {
    const issue = await createTestIssue<IssueRecord>(editor, 2180);
    const late = dayBefore(issue);
    const lateId = await approvedEntry(issue, '上月的会议', late);
    await approvedEntry(issue, '本月的会议', day(issue, 14));

    const submit = await api('POST', `/api/issues/${issue.id}/submit-review`, { token: editor, body: { version: await currentVersion(editor, 'issues', issue.id) } });
    expect(submit.status).toBe(409);
    expect(submit.body.message).toContain(`《上月的会议》（${chinese(late)}）`);
    expect(submit.body.message).not.toContain('本月的会议');
    expect(submit.body.outOfPeriod).toEqual([{ id: lateId, title: '上月的会议', eventDate: late, eventDateLabel: chinese(late) }]);
    expect((await api('GET', `/api/issues/${issue.id}`, { token: editor })).body.status).toBe('drafting');

    const confirmed = await api('POST', `/api/issues/${issue.id}/submit-review`, {
      token: editor,
      body: { version: await currentVersion(editor, 'issues', issue.id), confirmOutOfPeriod: true },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('in_review');

    const signOff = await api('POST', `/api/issues/${issue.id}/sign-off`, { token: reviewer, body: { version: await currentVersion(reviewer, 'issues', issue.id) } });
    expect(signOff.status).toBe(409);
    expect(signOff.body.message).toContain(`《上月的会议》（${chinese(late)}）`);
    const signed = await api('POST', `/api/issues/${issue.id}/sign-off`, {
      token: reviewer,
      body: { version: await currentVersion(reviewer, 'issues', issue.id), confirmOutOfPeriod: true },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('approved');

    // With every entry in the period, 送审 asks nothing.
    const inPeriod = await createTestIssue<IssueRecord>(editor, 2180);
    await approvedEntry(inPeriod, '按期的会议', day(inPeriod, 3));
    const plain = await api('POST', `/api/issues/${inPeriod.id}/submit-review`, { token: editor, body: { version: await currentVersion(editor, 'issues', inPeriod.id) } });
    expect(plain.status).toBe(200);
  });
});

describe('warnings on save', () => {
  it('warns when the event is outside the period and when the body names another day', async () => {
    const issue = await createTestIssue<IssueRecord>(editor, 2180);
    const late = dayBefore(issue);
    const bodyDay = day(issue, 14);
    const bodyText = `${Number(bodyDay.slice(5, 7))}月14日上午，区里召开会议。`;
    const created = await api('POST', '/api/entries', { token: editor, body: { title: '日期不符的会议', sectionId, issueId: issue.id, eventDate: late, bodyText } });
    expect(created.status).toBe(201);
    expect(created.body.warnings.map((warning: { code: string }) => warning.code)).toEqual(['event-date-out-of-period', 'body-date-mismatch']);
    expect(created.body.warnings[1].message).toBe(`正文首句写的是${chinese(bodyDay)}，与事件日期（${chinese(late)}）不一致。`);

    const fixed = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: created.body.version, eventDate: bodyDay } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.warnings).toEqual([]);
    const read = await api('GET', `/api/entries/${created.body.id}`, { token: editor });
    expect(read.body.eventDate).toBe(bodyDay);
  });
});

describe('issue dates against year and month', () => {
  it('refuses a publication date or coverage that contradicts the month, with a message in Chinese', async () => {
    const issue = await createTestIssue<IssueRecord>(editor, 2180);
    const { year, month } = issue;
    const mm = String(month).padStart(2, '0');

    const wrongYear = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: issue.version, publicationDate: `${year - 1}-${mm}-15` } });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.message).toContain(`出版日期（${year - 1}年${month}月15日）`);

    const wrongCoverage = await api('PUT', `/api/issues/${issue.id}`, {
      token: editor,
      body: { version: issue.version, coverageStart: `${year - 1}-${mm}-01`, coverageEnd: `${year - 1}-${mm}-20` },
    });
    expect(wrongCoverage.status).toBe(400);
    expect(wrongCoverage.body.message).toContain(`与${year}年${month}月不符`);
    // Nothing was written.
    expect((await api('GET', `/api/issues/${issue.id}`, { token: editor })).body).toMatchObject({ version: issue.version, coverageStart: issue.coverageStart });

    // The month before, the custom, is fine; so is a late publication.
    const late = new Date(Date.UTC(year, month + 1, 3)).toISOString().slice(0, 10);
    const fine = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: issue.version, publicationDate: late } });
    expect(fine.status).toBe(200);

    const created = await api('POST', '/api/issues', {
      token: editor,
      body: { year: 2189, month: 3, serialNumber: 99000 + Math.floor(Math.random() * 900), publicationDate: '2188-03-15' },
    });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain('出版日期（2188年3月15日）早于收录起始日期（2189年2月1日）');
  });
});
