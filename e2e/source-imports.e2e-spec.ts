import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api, baseUrl, login, waitFor } from './support';

jest.setTimeout(120000);

const pageB = readFileSync(path.join(__dirname, '../seeds/sources/newspaper-page-b.txt'), 'utf8');
let editor: string;
let reviewer: string;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
});

const sourceCount = async () => Number((await api('GET', '/api/sources?range=[0,0]', { token: editor })).headers.get('content-range')!.split('/')[1]);

describe('导入版面 (POST /api/source-imports/preview and /api/source-imports)', () => {
  it('previews a page as articles without saving, then saves them once, with contributors in byline order', async () => {
    const newspaper = `中原区报${Math.random().toString(36).slice(2, 7)}`;
    const before = await sourceCount();
    const preview = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: pageB, newspaper, issueDate: '2020-09-10', page: '2' } });
    expect(preview.status).toBe(200);
    expect(preview.body.articles).toHaveLength(6);
    expect(preview.body.articles[0]).toMatchObject({
      headline: '中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议 集中收听收看全国抗击新冠肺炎疫情表彰大会',
      bylines: [{ name: '张改华', role: 'reporter' }, { name: '吕杨子', role: 'correspondent' }],
      eventDate: '2020-09-08',
      eventDatePrecision: 'day',
      confidence: 1,
    });
    expect(await sourceCount()).toBe(before);

    // The editor corrects a byline order and leaves one article out.
    const chosen = preview.body.articles.slice(0, 5).map(({ headline, text, bylines }: any) => ({ headline, text, bylines }));
    chosen[4].bylines = [{ name: '张黎', role: 'correspondent' }, { name: '张改华', role: 'reporter' }];
    const saved = await api('POST', '/api/source-imports', { token: editor, body: { newspaper, issueDate: '2020-09-10', page: '2', articles: chosen } });
    expect(saved.status).toBe(201);
    expect(saved.body.created).toHaveLength(5);
    expect(saved.body.skipped).toEqual([]);
    expect(await sourceCount()).toBe(before + 5);
    const source = await api('GET', `/api/sources/${saved.body.created[4].id}`, { token: editor });
    expect(source.body).toMatchObject({ newspaper, issueDate: '2020-09-10', page: '2', headline: chosen[4].headline, text: chosen[4].text });
    expect(source.body.contributors.map((credit: any) => credit.name)).toEqual(['张黎', '张改华']);
    // One contributor per name, matched across articles.
    const named = await api('GET', `/api/contributors?filter=${encodeURIComponent(JSON.stringify({ q: '吕杨子' }))}`, { token: editor });
    expect(named.body.filter((person: any) => person.name === '吕杨子')).toHaveLength(1);

    // The whole page again: the five saved are skipped as duplicates and named, the sixth is saved.
    const all = preview.body.articles.map(({ headline, text, bylines }: any) => ({ headline, text, bylines }));
    const again = await api('POST', '/api/source-imports', { token: editor, body: { newspaper, issueDate: '2020-09-10', articles: all } });
    expect(again.status).toBe(201);
    expect(again.body.created.map((item: any) => item.headline)).toEqual([all[5].headline]);
    expect(again.body.skipped.map((item: any) => item.headline)).toEqual(all.slice(0, 5).map((article: any) => article.headline));
    expect(again.body.skipped[0]).toMatchObject({ existingId: saved.body.created[0].id, reason: expect.stringContaining('同一标题') });
  });

  it('answers bad input with a reason or a Chinese 400, and saves nothing from a request with one bad article', async () => {
    const empty = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: '' } });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ articles: [], reason: expect.stringContaining('没有文字') });
    const noStart = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: '今天天气很好。我们去公园散步，看见很多人在锻炼身体。' } });
    expect(noStart.body).toMatchObject({ articles: [], reason: expect.stringContaining('本报讯') });
    const english = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: 'The district held a meeting on 16 October.\n\nReporter: John Smith' } });
    expect(english.body.reason).toContain('不像中文');
    const binary = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: 'PK\u0003\u0004\u0000\u0000本报讯 乱码\ufffd\ufffd' } });
    expect(binary.status).toBe(400);
    expect(binary.body.message).toContain('控制字符');
    const nothing = await api('POST', '/api/source-imports/preview', { token: editor, body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toContain('版面文字');
    const badDate = await api('POST', '/api/source-imports/preview', { token: editor, body: { text: pageB, issueDate: '2020-13-45' } });
    expect(badDate.status).toBe(400);

    const before = await sourceCount();
    const newspaper = `坏稿报${Math.random().toString(36).slice(2, 7)}`;
    const mixed = await api('POST', '/api/source-imports', {
      token: editor,
      body: { newspaper, articles: [{ headline: '好文章', text: '正文。', bylines: [] }, { headline: '坏文章', text: '正文\u0000。', bylines: [] }] },
    });
    expect(mixed.status).toBe(400);
    // Refused at the API's edge, before any article is looked at: the message names the second article's text.
    expect(mixed.body.message).toBe('字段 articles.1.text 含有不允许的控制字符（U+0000，空字符）');
    const badRole = await api('POST', '/api/source-imports', { token: editor, body: { newspaper, articles: [{ headline: '好文章', text: '正文。', bylines: [{ name: '张三', role: 'boss' }] }] } });
    expect(badRole.status).toBe(400);
    expect(await sourceCount()).toBe(before);
  });

  it('previews an uploaded file read by its content, and refuses an oversized or unknown one in Chinese', async () => {
    const upload = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.set('newspaper', '中原区报');
      form.set('issueDate', '2020-09-10');
      form.set('file', new Blob([bytes]), name);
      const response = await fetch(`${baseUrl()}/api/source-imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
      return { status: response.status, body: await response.json() };
    };
    const text = await upload(Buffer.from(pageB), 'scan.jpg');
    expect(text.status).toBe(200);
    expect(text.body).toMatchObject({ kind: 'text', ocr: false });
    expect(text.body.articles).toHaveLength(6);
    const big = await upload(Buffer.alloc(50 * 1024 * 1024, 0x41), 'page.txt');
    expect(big.status).toBe(400);
    expect(big.body.message).toContain('MB');
    const unknown = await upload(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00]), 'page.pdf');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is for editors: a reviewer may not import', async () => {
    const refused = await api('POST', '/api/source-imports', { token: reviewer, body: { newspaper: '中原区报', articles: [{ headline: '标题', text: '正文。' }] } });
    expect(refused.status).toBe(403);
  });
});

describe('批量导入 (POST /api/source-imports/batches)', () => {
  it('imports a batch of page files in the queue: each file is read by content and dated by its name, one broken file is named and the others saved', async () => {
    const pageA = readFileSync(path.join(__dirname, '../seeds/sources/newspaper-page-a.txt'));
    const newspaper = `批量报${Math.random().toString(36).slice(2, 7)}`;
    const form = new FormData();
    form.set('newspaper', newspaper);
    form.set('issueDate', '2020-09-10');
    form.append('files', new Blob([pageA]), '周口日报-2022-09-02-第3版.txt');
    form.append('files', new Blob([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog')]), 'broken.pdf');
    form.append('files', new Blob([Buffer.from(pageB)]), 'page.bin');
    const response = await fetch(`${baseUrl()}/api/source-imports/batches`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    expect(response.status).toBe(202);
    const batch = await response.json();
    expect(batch).toMatchObject({ newspaper, total: 3, files: [{ name: '周口日报-2022-09-02-第3版.txt', issueDate: '2022-09-02' }, { name: 'broken.pdf' }, { name: 'page.bin' }] });

    const done = await waitFor(async () => {
      const progress = await api('GET', `/api/source-imports/batches/${batch.id}`, { token: editor });
      return progress.body.status === 'done' ? progress.body : undefined;
    }, 60000);
    expect(done).toMatchObject({ total: 3, processed: 3, failed: 1, created: 11 });
    expect(done.files[0]).toMatchObject({ status: 'done', created: 5, issueDate: '2022-09-02' });
    expect(done.files[1]).toMatchObject({ status: 'failed', message: expect.stringMatching(/PDF/) });
    expect(done.files[2]).toMatchObject({ status: 'done', created: 6, issueDate: '2020-09-10' });
    const sources = await api('GET', `/api/sources?filter=${encodeURIComponent(JSON.stringify({ q: newspaper }))}&range=[0,49]`, { token: editor });
    expect(sources.body).toHaveLength(11);
    expect(sources.body.find((source: any) => source.headline === '开学第一天 我市新建改扩建学校迎新生')).toMatchObject({ issueDate: '2022-09-02' });
  });

  it('refuses a batch without files or newspaper with a Chinese 400', async () => {
    const form = new FormData();
    form.set('newspaper', '中原区报');
    const empty = await fetch(`${baseUrl()}/api/source-imports/batches`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toContain('版面文件');
  });
});
