import { request as httpRequest } from 'node:http';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { api, baseUrl, compact, correctTestIssue, createTestIssue, currentVersion, finishedRendition, login, pdfPages, publishTestIssue, waitFor } from './support';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

jest.setTimeout(180000);

let admin: string;
let editor: string;
let reviewer: string;
let smtp: SmtpSink;
let settingsBefore: any;

/** Three units of this test file's own, one for each way of receiving. */
const suffix = Math.random().toString(36).slice(2, 8);
const UNITS = {
  email: { name: `分发测试邮件单位${suffix}`, deliveryMethod: 'email', emails: [`office-${suffix}@example.test`], contactPerson: '张三', phone: '0371-1234567' },
  link: { name: `分发测试链接单位${suffix}`, deliveryMethod: 'link', emails: [] },
  paper: { name: `分发测试纸质单位${suffix}`, deliveryMethod: 'paper', emails: [], paperCopies: 3 },
} as const;
const unitIds: Record<keyof typeof UNITS, string> = { email: '', link: '', paper: '' };

beforeAll(async () => {
  [admin, editor, reviewer] = await Promise.all([login('admin'), login('editor'), login('reviewer')]);
  smtp = await startSmtpSink();
  settingsBefore = (await api('GET', '/api/settings/delivery', { token: admin })).body;
  const configured = await api('PUT', '/api/settings/delivery', {
    token: admin,
    body: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, smtpUser: null, smtpPassword: null, sender: '中原区史志办 <shizhiban@example.test>', attachPdf: false },
  });
  expect(configured.status).toBe(200);
  expect(configured.body).toMatchObject({ smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpPasswordSet: false });
  for (const [key, unit] of Object.entries(UNITS) as Array<[keyof typeof UNITS, (typeof UNITS)[keyof typeof UNITS]]>) {
    const created = await api('POST', '/api/recipients', { token: admin, body: { category: '分发测试', position: 9000, ...unit } });
    expect(created.status).toBe(201);
    unitIds[key] = created.body.id;
  }
});

afterAll(async () => {
  if (settingsBefore) {
    const { smtpHost, smtpPort, smtpSecure, smtpUser, sender, attachPdf, publicUrl } = settingsBefore;
    await api('PUT', '/api/settings/delivery', { token: admin, body: { smtpHost, smtpPort, smtpSecure, smtpUser, sender, attachPdf, publicUrl } });
  }
  await smtp?.close();
});

/** GET/POST a unit's link as a stranger would: no staff token. */
const receive = (path: string, body?: unknown) => api(body === undefined ? 'GET' : 'POST', `/api/receive/${path}`, { body });
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

async function settledDeliveries(issueId: string): Promise<any[]> {
  return waitFor(async () => {
    const board = await api<any[]>('GET', `/api/issues/${issueId}/deliveries`, { token: editor });
    const pending = board.body.some((delivery) => delivery.pdfStatus !== 'done' || delivery.mailStatus === 'queued' || delivery.mailStatus === 'retrying');
    return pending ? undefined : board.body;
  }, 60000);
}

it('says what is missing before a unit can be reached by e-mail', async () => {
  const refused = await api('POST', '/api/recipients', { token: admin, body: { name: `无邮箱单位${suffix}`, category: '分发测试', position: 9001, deliveryMethod: 'email', emails: [] } });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain('请至少填写一个电子邮箱');
  const malformed = await api('PUT', `/api/recipients/${unitIds.email}`, { token: admin, body: { emails: ['不是邮箱'] } });
  expect(malformed.status).toBe(400);
  expect(malformed.body.message).toContain('emails');
  expect(malformed.body.message).toContain('电子邮箱');
  const cleared = await api('PUT', `/api/recipients/${unitIds.email}`, { token: admin, body: { emails: [] } });
  expect(cleared.status).toBe(400);
});

it('dispatches a published issue: each unit gets its own PDF and link, the e-mail unit its message, and confirms without a staff account', async () => {
  const ids = [unitIds.email, unitIds.link, unitIds.paper];
  const { issueId, entryId } = await publishTestIssue({ editor, reviewer }, 2080, '分发测试条目', ids);

  expect((await api('POST', `/api/issues/${issueId}/dispatches`, { token: reviewer, body: {} })).status).toBe(403);
  const dispatched = await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
  expect(dispatched.status).toBe(201);
  const deliveries: any[] = dispatched.body.deliveries;
  expect(deliveries.map((delivery) => delivery.unit.name)).toEqual([UNITS.email.name, UNITS.link.name, UNITS.paper.name]);
  expect(deliveries.map((delivery) => delivery.method)).toEqual(['email', 'link', 'paper']);
  for (const delivery of deliveries) expect(delivery.link).toMatch(new RegExp(`^${baseUrl()}/receive/[A-Za-z0-9_-]{43}$`));
  const [byEmail, byLink, byPaper] = deliveries;

  // Dispatching the same revision again is refused; the board is where a unit is sent again.
  const again = await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
  expect(again.status).toBe(409);
  expect(again.body.message).toContain('已经分发过');

  const board = await settledDeliveries(issueId);
  expect(board.map((delivery) => [delivery.pdfStatus, delivery.mailStatus])).toEqual([['done', 'sent'], ['done', 'none'], ['done', 'none']]);
  expect(board[0].sentAt).toEqual(expect.any(String));
  expect(board.every((delivery) => delivery.link === undefined)).toBe(true);
  expect(board[2].paperCopies).toBe(3);

  // The e-mail, as the SMTP server received it: Chinese subject, the unit's own link, no attachment.
  const message = await waitFor(async () => smtp.messages.find((candidate) => candidate.text?.includes(byEmail.link)));
  expect(message.subject).toContain('请查收');
  expect(message.subject).toContain(UNITS.email.name);
  expect((message.to as any).text).toContain(UNITS.email.emails[0]);
  expect(message.text).toContain('链接有效期至');
  expect(message.attachments).toHaveLength(0);
  expect(smtp.messages.some((candidate) => candidate.text?.includes(byLink.link))).toBe(false);

  // The unit's link, without a staff token.
  const viewed = await receive(tokenOf(byEmail.link));
  expect(viewed.status).toBe(200);
  expect(viewed.body).toMatchObject({ unit: { name: UNITS.email.name }, status: 'ready', issueRevision: 1, current: null });
  expect(viewed.body.pdfBytes).toBeGreaterThan(1000);
  expect(JSON.stringify(viewed.body)).not.toContain(UNITS.link.name);

  const file = await receive(`${tokenOf(byEmail.link)}/file`);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('application/pdf');
  const pages = pdfPages(file.body as Buffer);
  expect(pages.length).toBeGreaterThan(1);
  for (const page of pages) expect(compact(page)).toContain(`发至：${UNITS.email.name}`);
  expect(compact(pages.join(''))).toContain('分发测试条目');
  // Every unit is named on the list of 发放范围; only its own is named as the holder.
  expect(compact(pages.join(''))).not.toContain(`发至：${UNITS.link.name}`);
  const otherPages = pdfPages((await receive(`${tokenOf(byLink.link)}/file`)).body as Buffer);
  for (const page of otherPages) expect(compact(page)).toContain(`发至：${UNITS.link.name}`);
  expect(compact(otherPages.join(''))).not.toContain(`发至：${UNITS.email.name}`);

  expect((await receive(`${tokenOf(byEmail.link)}/confirm`, { name: '' })).status).toBe(400);
  const confirmed = await receive(`${tokenOf(byEmail.link)}/confirm`, { name: '李四' });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedByName: '李四' });

  // Staff record a paper receipt; revoke a link; resend gives a new one and refuses the old.
  const paper = await api('POST', `/api/deliveries/${byPaper.id}/paper-receipt`, { token: editor, body: { confirmedByName: '王五' } });
  expect(paper.status).toBe(201);
  expect(paper.body).toMatchObject({ confirmedOnPaper: true, confirmedByName: '王五' });
  expect((await api('POST', `/api/deliveries/${byPaper.id}/paper-receipt`, { token: editor, body: {} })).status).toBe(409);

  const revoked = await api('POST', `/api/deliveries/${byLink.id}/revoke`, { token: editor });
  expect(revoked.body.linkRevoked).toBe(true);
  const refused = await receive(tokenOf(byLink.link));
  expect(refused.status).toBe(410);
  expect(refused.body.message).toContain('已被撤销');
  const resent = await api('POST', `/api/deliveries/${byLink.id}/resend`, { token: editor });
  expect(resent.status).toBe(201);
  expect(resent.body.link).not.toBe(byLink.link);
  expect((await receive(tokenOf(resent.body.link))).status).toBe(200);
  expect((await receive(tokenOf(byLink.link))).status).toBe(410);

  const seen = (await api<any[]>('GET', `/api/issues/${issueId}/deliveries`, { token: editor })).body;
  expect(seen[0]).toMatchObject({ confirmedByName: '李四', openCount: 1, downloadCount: 1 });
  expect(seen[0].confirmedAt).toEqual(expect.any(String));
  expect(seen[1]).toMatchObject({ linkRevoked: false, openCount: 1 });

  // 发放登记表, printed and as a spreadsheet, for the office's files.
  const registerPdf = await api<Buffer>('GET', `/api/issues/${issueId}/deliveries/register.pdf`, { token: editor });
  expect(registerPdf.status).toBe(200);
  const registerText = compact(pdfPages(registerPdf.body).join(''));
  expect(registerText).toContain('发放登记表');
  // A long name wraps inside its cell: the register's cells are checked whole in the spreadsheet below.
  for (const unit of ['分发测试邮件单位', '分发测试链接单位', '分发测试纸质单位']) expect(registerText).toContain(unit);
  expect(registerText).toContain('李四已签收');
  expect(registerText).toContain('（纸质回执）');
  expect(registerText).toContain('合计单位数：3已签收：2逾期：0纸质份数合计：5');
  const registerXlsx = await api<Buffer>('GET', `/api/issues/${issueId}/deliveries/register.xlsx`, { token: editor });
  expect(registerXlsx.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(registerXlsx.body as any);
  const sheet = workbook.getWorksheet('发放登记表')!;
  const cells: string[] = [];
  sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
  const rowOf = (name: string) => cells.find((row) => row.includes(name)) ?? '';
  expect(rowOf(UNITS.email.name)).toContain('已签收');
  expect(rowOf(UNITS.email.name)).toContain('电子邮件');
  expect(rowOf(UNITS.link.name)).toContain('待签收');
  expect(rowOf(UNITS.paper.name)).toContain('纸质');

  // The distribution list records the receipts, which the freeze allows after publication.
  const issue = (await api('GET', `/api/issues/${issueId}`, { token: editor })).body;
  const received = Object.fromEntries(issue.recipients.map((unit: any) => [unit.id, unit.receivedAt]));
  expect(received[unitIds.email]).toEqual(expect.any(String));
  expect(received[unitIds.paper]).toEqual(expect.any(String));
  expect(received[unitIds.link]).toBeNull();

  const audit = await api<any[]>('GET', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'delivery' }))}&range=[0,499]`, { token: admin });
  const actions = new Set(audit.body.filter((event) => [byEmail.id, byLink.id, byPaper.id].includes(event.entityId)).map((event) => event.action));
  expect([...actions].sort()).toEqual(['delivery.confirm', 'delivery.download', 'delivery.open', 'delivery.paper_receipt', 'delivery.resend', 'delivery.revoke', 'delivery.send'].sort());
  const dispatchEvents = await api<any[]>('GET', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'issue', entityId: issueId, action: 'issue.dispatch' }))}`, { token: admin });
  expect(dispatchEvents.body).toHaveLength(1);

  // 勘误: the new revision is dispatched again; the old link says superseded and offers the new copy.
  const corrected = await correctTestIssue({ editor, reviewer }, issueId, {
    version: await currentVersion(editor, 'issues', issueId),
    reason: '标题有误',
    entries: [{ entryId, title: '分发测试条目（更正）' }],
  });
  expect(corrected.status).toBe(200);
  const early = await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
  if (early.status === 409) expect(early.body.message).toContain('正式版 PDF 尚未生成完成');
  await finishedRendition(editor, corrected.body.rendition.id);
  const redispatched = early.status === 201 ? early : await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
  expect(redispatched.status).toBe(201);
  expect(redispatched.body.issueRevision).toBe(2);
  await settledDeliveries(issueId);
  const secondMail = await waitFor(async () => smtp.messages.find((candidate) => candidate.text?.includes(redispatched.body.deliveries[0].link)));
  expect(secondMail.subject).toContain('勘误后的第2版');

  const old = await receive(tokenOf(byEmail.link));
  expect(old.status).toBe(200);
  expect(old.body).toMatchObject({ status: 'superseded', issueRevision: 1, current: { issueRevision: 2, status: 'ready' } });
  const oldCopy = compact(pdfPages((await receive(`${tokenOf(byEmail.link)}/file`)).body as Buffer).join(''));
  expect(oldCopy).toContain('分发测试条目');
  expect(oldCopy).not.toContain('分发测试条目（更正）');
  const newCopy = compact(pdfPages((await receive(`${tokenOf(byEmail.link)}/current/file`)).body as Buffer).join(''));
  expect(newCopy).toContain('分发测试条目（更正）');
  expect(newCopy).toContain('（第2版）');

  const all = (await api<any[]>('GET', `/api/issues/${issueId}/deliveries?all=true`, { token: editor })).body;
  expect(all).toHaveLength(6);
  expect(all.filter((delivery) => delivery.supersededAt).map((delivery) => delivery.issueRevision)).toEqual([1, 1, 1]);
  expect((await api(`POST`, `/api/deliveries/${byLink.id}/resend`, { token: editor })).status).toBe(409);
});

it('refuses to dispatch an issue that is not published, and answers a wrong token exactly like a missing one', async () => {
  const draft = await createTestIssue<{ id: string }>(editor, 2090);
  const refused = await api('POST', `/api/issues/${draft.id}/dispatches`, { token: editor, body: {} });
  expect(refused.status).toBe(409);
  expect(refused.body.message).toContain('尚未发布');
  const missing = await receive('A'.repeat(43));
  const malformed = await receive('not-a-token');
  expect(missing.status).toBe(404);
  expect(malformed.status).toBe(404);
  expect(missing.body).toEqual(malformed.body);
  expect(missing.body.message).toContain('链接无效');
  expect((await receive('A'.repeat(43) + '/file')).body).toEqual(missing.body);
});

/** Requests from another loopback address, so that this address's limit does not touch the other tests. */
function fromAddress(localAddress: string, path: string): Promise<number> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: url.port, path: url.pathname, localAddress }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

it('stops an address that tries tokens', async () => {
  const address = `127.0.${1 + Math.floor(Math.random() * 200)}.${2 + Math.floor(Math.random() * 200)}`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 22; attempt += 1) statuses.push(await fromAddress(address, `/api/receive/${'B'.repeat(42)}${attempt % 10}`));
  expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
});

it('keeps an e-mail waiting while the SMTP server refuses it, shows why, and sends it when the server is back', async () => {
  const { issueId } = await publishTestIssue({ editor, reviewer }, 2095, '邮件重试测试条目', [unitIds.email]);
  // This time the office asks for the PDF attached.
  expect((await api('PUT', '/api/settings/delivery', { token: admin, body: { attachPdf: true } })).status).toBe(200);
  smtp.refusing = true;
  try {
    const dispatched = await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
    expect(dispatched.status).toBe(201);
    const waiting = await waitFor(async () => {
      const [delivery] = (await api<any[]>('GET', `/api/issues/${issueId}/deliveries`, { token: editor })).body;
      return delivery.mailStatus === 'retrying' ? delivery : undefined;
    });
    expect(waiting.sentAt).toBeNull();
    expect(waiting.mailError).toContain('451');
    expect(waiting.mailAttempts).toBeGreaterThanOrEqual(1);
    smtp.refusing = false;
    const [sent] = await settledDeliveries(issueId);
    expect(sent).toMatchObject({ mailStatus: 'sent', mailError: null });
    expect(sent.mailAttempts).toBeGreaterThanOrEqual(2);
    const message = smtp.messages.find((candidate) => candidate.text?.includes(dispatched.body.deliveries[0].link))!;
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0].contentType).toBe('application/pdf');
    expect(message.attachments[0].filename).toContain(UNITS.email.name);
    expect(compact(pdfPages(message.attachments[0].content).join(''))).toContain(`发至：${UNITS.email.name}`);
  } finally {
    smtp.refusing = false;
    await api('PUT', '/api/settings/delivery', { token: admin, body: { attachPdf: false } });
  }
});

it('reminds the overdue: e-mail units get a fresh link, the others are listed to phone; an expired link answers 410', async () => {
  const { issueId } = await publishTestIssue({ editor, reviewer }, 2110, '逾期提醒测试条目', [unitIds.email, unitIds.link]);
  const dispatched = await api('POST', `/api/issues/${issueId}/dispatches`, { token: editor, body: {} });
  expect(dispatched.status).toBe(201);
  const [byEmail, byLink] = dispatched.body.deliveries;
  await settledDeliveries(issueId);
  const early = await api('POST', `/api/issues/${issueId}/deliveries/remind`, { token: editor });
  expect(early.status).toBe(409);
  expect(early.body.message).toContain('没有逾期未签收的单位');

  // Eight days pass (the default 逾期天数 is 7); then the link unit's link runs out.
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE deliveries SET created_at = now() - interval '8 days' WHERE issue_id = $1`, [issueId]);
    const board = (await api<any[]>('GET', `/api/issues/${issueId}/deliveries`, { token: editor })).body;
    expect(board.map((delivery) => delivery.overdue)).toEqual([true, true]);
    const awaiting = (await api<any[]>('GET', '/api/deliveries/awaiting', { token: editor })).body.find((summary) => summary.issueId === issueId);
    expect(awaiting).toMatchObject({ total: 2, confirmed: 0, overdue: 2, mailFailed: 0 });

    const reminded = await api('POST', `/api/issues/${issueId}/deliveries/remind`, { token: editor });
    expect(reminded.status).toBe(201);
    expect(reminded.body.reminded).toBe(1);
    expect(reminded.body.deliveries.map((delivery: any) => [delivery.unit.name, delivery.link !== undefined])).toEqual([[UNITS.email.name, true], [UNITS.link.name, false]]);
    const fresh = reminded.body.deliveries[0].link;
    const reminder = await waitFor(async () => smtp.messages.find((message) => message.text?.includes(fresh)));
    expect(reminder.subject).toContain('【签收提醒】');
    // The reminder's link and the first one both open the copy.
    expect((await receive(tokenOf(fresh))).status).toBe(200);
    expect((await receive(tokenOf(byEmail.link))).status).toBe(200);
    const after = (await api<any[]>('GET', `/api/issues/${issueId}/deliveries`, { token: editor })).body;
    expect(after[0]).toMatchObject({ reminders: 1, mailStatus: expect.stringMatching(/queued|sent/) });

    await client.query(`UPDATE delivery_links SET expires_at = now() - interval '1 minute' WHERE delivery_id = $1`, [byLink.id]);
    const expired = await receive(tokenOf(byLink.link));
    expect(expired.status).toBe(410);
    expect(expired.body.message).toContain('过期');
  } finally {
    await client.end();
  }
});
