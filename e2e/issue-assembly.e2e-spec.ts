import { api, createTestIssue, login } from './support';

jest.setTimeout(60000);

interface IssueView {
  id: string;
  version: number;
  sections: { id: string; name: string; entries: { id: string; title: string }[] }[];
  recipients: { id: string; name: string }[];
}

let editor: string;
let reviewer: string;
let sections: { id: string; key: string }[];

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  sections = (await api('GET', '/api/sections', { token: editor })).body;
});

async function entry(title: string, issueId: string | null = null): Promise<string> {
  const response = await api('POST', '/api/entries', { token: editor, body: { title, sectionId: sections[1].id, issueId, eventDate: '2050-01-05', bodyText: '1月5日，测试。' } });
  expect(response.status).toBe(201);
  return response.body.id;
}

const titlesBySection = (issue: IssueView) => issue.sections.map((section) => [section.name, section.entries.map((row) => row.title)]);

it('places, orders, moves and removes entries in one versioned arrangement', async () => {
  const issue = await createTestIssue<IssueView>(editor, 2050);
  const [a, b, c] = [await entry('甲', issue.id), await entry('乙', issue.id), await entry('丙', issue.id)];
  const loose = await entry('丁');
  const start = (await api<IssueView>('GET', `/api/issues/${issue.id}`, { token: editor })).body;

  const arranged = await api<IssueView>('PUT', `/api/issues/${issue.id}/arrangement`, {
    token: editor,
    body: { version: start.version, sections: [{ sectionId: sections[0].id, entryIds: [c] }, { sectionId: sections[1].id, entryIds: [loose, a] }] },
  });
  expect(arranged.status).toBe(200);
  expect(titlesBySection(arranged.body)).toEqual([['本期焦点', ['丙']], ['时政要点', ['丁', '甲']]]);
  expect(arranged.body.version).toBe(start.version + 1);
  expect((await api('GET', `/api/entries/${b}`, { token: editor })).body.issueId).toBeNull();

  const stale = await api('PUT', `/api/issues/${issue.id}/arrangement`, { token: editor, body: { version: start.version, sections: [] } });
  expect(stale.status).toBe(409);
  expect(stale.body.currentVersion).toBe(start.version + 1);
  const after = (await api<IssueView>('GET', `/api/issues/${issue.id}`, { token: editor })).body;
  expect(titlesBySection(after)).toEqual([['本期焦点', ['丙']], ['时政要点', ['丁', '甲']]]);
});

it('refuses arrangements that name an entry twice, an unknown entry or one of another issue, and reviewers', async () => {
  const issue = await createTestIssue<IssueView>(editor, 2050);
  const other = await createTestIssue<IssueView>(editor, 2050);
  const mine = await entry('戊', issue.id);
  const theirs = await entry('己', other.id);
  const put = (body: object, token = editor) => api('PUT', `/api/issues/${issue.id}/arrangement`, { token, body: { version: issue.version + 1, ...body } });
  const current = (await api<IssueView>('GET', `/api/issues/${issue.id}`, { token: editor })).body;
  expect(current.version).toBe(issue.version);

  const twice = await api('PUT', `/api/issues/${issue.id}/arrangement`, { token: editor, body: { version: current.version, sections: [{ sectionId: sections[0].id, entryIds: [mine, mine] }] } });
  expect(twice.status).toBe(400);
  const unknown = await api('PUT', `/api/issues/${issue.id}/arrangement`, { token: editor, body: { version: current.version, sections: [{ sectionId: sections[0].id, entryIds: ['00000000-0000-4000-8000-000000000000'] }] } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toContain('条目不存在');
  const foreign = await api('PUT', `/api/issues/${issue.id}/arrangement`, { token: editor, body: { version: current.version, sections: [{ sectionId: sections[0].id, entryIds: [theirs] }] } });
  expect(foreign.status).toBe(409);
  expect(foreign.body.message).toContain('《己》');
  expect((await put({ sections: [] }, reviewer)).status).toBe(403);
});

it('sets the distribution list in order, with the issue version', async () => {
  const issue = await createTestIssue<IssueView>(editor, 2050);
  const units = (await api<{ id: string; name: string }[]>('GET', '/api/recipients?sort=["position","ASC"]', { token: editor })).body;
  const chosen = [units[3].id, units[0].id];
  const response = await api<IssueView>('PUT', `/api/issues/${issue.id}/recipients`, { token: editor, body: { version: issue.version, recipientIds: chosen } });
  expect(response.status).toBe(200);
  expect(response.body.recipients.map((unit) => unit.id)).toEqual(chosen);
  const stale = await api('PUT', `/api/issues/${issue.id}/recipients`, { token: editor, body: { version: issue.version, recipientIds: [] } });
  expect(stale.status).toBe(409);
});

it('clears the deadline with null, keeps it when left out, and refuses null for what an issue must have', async () => {
  const issue = await createTestIssue<IssueView & { deadline: string | null; publicationDate: string }>(editor, 2050);
  const deadline = `${issue.publicationDate.slice(0, 8)}10`;
  const set = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: issue.version, deadline } });
  expect(set.status).toBe(200);
  expect(set.body.deadline).toBe(deadline);

  // Another change leaves the deadline as it is.
  const retitled = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: set.body.version, compiler: '测试编印单位' } });
  expect(retitled.body.deadline).toBe(deadline);

  const cleared = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: retitled.body.version, deadline: null } });
  expect(cleared.status).toBe(200);
  expect(cleared.body.deadline).toBeNull();
  expect(cleared.body.version).toBe(retitled.body.version + 1);
  expect((await api('GET', `/api/issues/${issue.id}`, { token: editor })).body.deadline).toBeNull();

  // The other fields are required: null is a 400 naming them, and nothing changes.
  const emptied = await api('PUT', `/api/issues/${issue.id}`, { token: editor, body: { version: cleared.body.version, title: null, coverageEnd: null } });
  expect(emptied.status).toBe(400);
  expect(emptied.body.message).toContain('标题（title）');
  expect(emptied.body.message).toContain('收录截止日期（coverageEnd）');
  const after = (await api('GET', `/api/issues/${issue.id}`, { token: editor })).body;
  expect(after).toMatchObject({ version: cleared.body.version, compiler: '测试编印单位', deadline: null });
  expect(after.title).toEqual(expect.any(String));
});
