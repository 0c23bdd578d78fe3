import { describe, expect, it } from '@jest/globals';
import type { ReceivedDelivery } from '@dsyb/contracts';
import { tokenFromPath } from '../providers/receiveClient';
import { errorText, receiveView, signerProblem } from './receiveView';

const ready: ReceivedDelivery = {
  issue: { title: '大事月报', serialNumber: 97, year: 2020, month: 10, publicationDate: '2020-10-15', revision: 1 },
  unit: { name: '区委办公室' },
  issueRevision: 1,
  status: 'ready',
  pdfBytes: 1_258_291,
  confirmedAt: null,
  confirmedByName: null,
  expiresAt: '2021-01-13T04:00:00Z',
  current: null,
};

describe("the unit's page", () => {
  it('names the issue and the unit, offers the PDF with its size and the receipt form', () => {
    const view = receiveView('tok', ready);
    expect(view.title).toBe('《大事月报》总第97期');
    expect(view.meta).toBe('2020年10月 · 出版日期：2020年10月15日');
    expect(view.unit).toBe('发至：区委办公室');
    expect(view.downloads).toEqual([{ href: '/api/receive/tok/file', label: '下载 PDF', size: '1.2 MB', primary: true }]);
    expect(view.confirm).toEqual({ button: '确认签收' });
    expect(view.notices).toEqual([]);
    expect(view.expiry).toMatch(/^链接有效期至 2021年1月1[34]日 \d{2}:\d{2}$/);
  });

  it('says who signed for it once confirmed, and offers no form', () => {
    const view = receiveView('tok', { ...ready, status: 'confirmed', confirmedAt: '2020-10-16T01:05:00Z', confirmedByName: '李明' });
    expect(view.confirm).toBeUndefined();
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0].tone).toBe('success');
    expect(view.notices[0].text).toMatch(/^已于2020年10月16日 \d{2}:05由李明签收。$/);
    expect(view.downloads).toHaveLength(1);
  });

  it('asks to come back while the file is being made', () => {
    const view = receiveView('tok', { ...ready, status: 'preparing', pdfBytes: null });
    expect(view.notices).toEqual([{ tone: 'info', text: '文件正在生成，请稍后刷新。' }]);
    expect(view.downloads).toEqual([]);
    expect(view.confirm).toBeUndefined();
  });

  it('points a superseded copy to the correction that replaced it, to download and sign for', () => {
    const superseded: ReceivedDelivery = { ...ready, status: 'superseded', current: { issueRevision: 2, pdfBytes: 1_300_000, status: 'ready', confirmedAt: null } };
    const view = receiveView('a b', superseded);
    expect(view.notices[0]).toEqual({ tone: 'warning', text: '本份已被勘误后的第2版取代，请下载并签收新版。' });
    expect(view.downloads.map(download => [download.href, download.label, download.primary])).toEqual([
      ['/api/receive/a%20b/current/file', '下载新版 PDF', true],
      ['/api/receive/a%20b/file', '下载原版 PDF', false],
    ]);
    expect(view.confirm).toEqual({ button: '确认签收新版' });
    expect(receiveView('t', { ...superseded, current: { issueRevision: 1, pdfBytes: null, status: 'preparing', confirmedAt: null } }).notices[1].text).toBe('新版文件正在生成，请稍后刷新。');
    expect(receiveView('t', { ...superseded, current: { issueRevision: 1, pdfBytes: 1, status: 'confirmed', confirmedAt: '2020-11-02T02:00:00Z' } }).confirm).toBeUndefined();
  });

  it('marks a copy of a correction as such', () => {
    expect(receiveView('t', { ...ready, issueRevision: 2 }).notices).toEqual([{ tone: 'info', text: '本份为勘误后的第2版。' }]);
  });
});

describe('refusals and the signer', () => {
  it("shows the server's message, else one for the status", () => {
    expect(errorText(410, '链接已过期')).toBe('链接已过期');
    expect(errorText(404, '')).toMatch(/^链接无效/);
    expect(errorText(410, '')).toMatch(/过期或已撤销/);
    expect(errorText(429, '')).toMatch(/频繁/);
    expect(errorText(undefined, '')).toMatch(/网络/);
  });

  it('needs a name of at most 40 characters', () => {
    expect(signerProblem('  ')).toBe('请填写签收人姓名。');
    expect(signerProblem('李明')).toBeUndefined();
    expect(signerProblem('李'.repeat(41))).toMatch(/40/);
  });

  it('reads the token from the path', () => {
    expect(tokenFromPath('/receive/AbC_123-x')).toBe('AbC_123-x');
    expect(tokenFromPath('/receive/AbC/')).toBe('AbC');
    expect(tokenFromPath('/receive/')).toBeUndefined();
    expect(tokenFromPath('/receive/a/file')).toBeUndefined();
    expect(tokenFromPath('/')).toBeUndefined();
  });
});
