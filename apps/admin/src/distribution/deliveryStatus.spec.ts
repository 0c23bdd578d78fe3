import { describe, expect, it } from '@jest/globals';
import type { Delivery, Rendition } from '@dsyb/contracts';
import { anyPending, countLabel, dispatchBlocked, mailLabel, overdueDeliveries, pdfLabel, receiptLabel, rowState, supersedingRevision, unitsToPhone } from './deliveryStatus';

const time = (iso: string) => `T(${iso})`;
const size = (bytes: number) => `${bytes} B`;

const delivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  id: 'd1',
  dispatchId: 'x1',
  issueId: 'i1',
  issueRevision: 0,
  position: 1,
  unit: { id: 'u1', name: '区委办公室', category: '区直部门', contactPerson: '王敏', phone: '0371-67180000' },
  method: 'email',
  emails: ['bgs@zhongyuan.gov.cn'],
  paperCopies: 1,
  pdfStatus: 'done',
  pdfBytes: 345_000,
  pdfSha256: 'ab',
  pdfError: null,
  mailStatus: 'sent',
  mailAttempts: 1,
  mailError: null,
  sentAt: '2020-10-16T01:00:00Z',
  remindedAt: null,
  reminders: 0,
  firstOpenedAt: null,
  lastOpenedAt: null,
  openCount: 0,
  firstDownloadedAt: null,
  downloadCount: 0,
  confirmedAt: null,
  confirmedByName: null,
  confirmedOnPaper: false,
  supersededAt: null,
  linkExpiresAt: '2021-01-14T01:00:00Z',
  linkRevoked: false,
  overdue: false,
  createdAt: '2020-10-16T01:00:00Z',
  ...overrides,
});

describe('the e-mail column of the delivery board', () => {
  it('shows when it was sent', () => {
    expect(mailLabel(delivery(), time)).toEqual({ key: 'app.distribution.mail.sent_at', params: { time: 'T(2020-10-16T01:00:00Z)' }, tone: 'success' });
  });

  it('says 排队中, 重试中 with the error, or 发送失败 with the error', () => {
    expect(mailLabel(delivery({ mailStatus: 'queued', sentAt: null }), time)).toMatchObject({ key: 'app.distribution.mail.queued' });
    expect(mailLabel(delivery({ mailStatus: 'retrying', mailAttempts: 2, mailError: '连接超时', sentAt: null }), time)).toEqual({
      key: 'app.distribution.mail.retrying',
      params: { attempts: 2 },
      tone: 'warning',
      detail: '连接超时',
    });
    expect(mailLabel(delivery({ mailStatus: 'failed', mailError: '550 用户不存在', sentAt: null }), time)).toEqual({ key: 'app.distribution.mail.failed', tone: 'error', detail: '550 用户不存在' });
  });

  it('says no e-mail is sent to a unit receiving by link or on paper', () => {
    expect(mailLabel(delivery({ method: 'link', mailStatus: 'none', sentAt: null }), time).key).toBe('app.distribution.mail.none');
    expect(mailLabel(delivery({ method: 'paper', mailStatus: 'none', sentAt: null }), time).key).toBe('app.distribution.mail.paper');
  });
});

describe('the other cells of a row', () => {
  it('gives the PDF its size once made, and its error when it failed', () => {
    expect(pdfLabel(delivery(), size)).toEqual({ key: 'app.distribution.pdf.done_size', params: { size: '345000 B' }, tone: 'success' });
    expect(pdfLabel(delivery({ pdfStatus: 'failed', pdfBytes: null, pdfError: '字体缺失' }), size)).toMatchObject({ key: 'app.distribution.pdf.failed', detail: '字体缺失' });
  });

  it('counts openings and downloads from the first', () => {
    expect(countLabel(null, 0, 'opened', time)).toEqual({ key: 'app.distribution.opened_never', tone: 'default' });
    expect(countLabel('2020-10-17T02:00:00Z', 3, 'downloaded', time)).toEqual({ key: 'app.distribution.downloaded', params: { time: 'T(2020-10-17T02:00:00Z)', smart_count: 3 }, tone: 'default' });
  });

  it('shows who signed and when, 纸质回执 when recorded from paper, and 逾期 when late', () => {
    expect(receiptLabel(delivery({ confirmedAt: '2020-10-18T03:00:00Z', confirmedByName: '李明' }), time)).toEqual({
      key: 'app.distribution.receipt.online',
      params: { time: 'T(2020-10-18T03:00:00Z)', name: '李明' },
      tone: 'success',
    });
    expect(receiptLabel(delivery({ confirmedAt: '2020-10-18T03:00:00Z', confirmedByName: null, confirmedOnPaper: true }), time)).toMatchObject({ key: 'app.distribution.receipt.paper', params: { name: '—' } });
    expect(receiptLabel(delivery({ overdue: true }), time)).toMatchObject({ key: 'app.distribution.receipt.overdue', tone: 'error' });
    expect(receiptLabel(delivery({ linkRevoked: true }), time).key).toBe('app.distribution.receipt.revoked');
    expect(receiptLabel(delivery(), time).key).toBe('app.distribution.receipt.waiting');
  });
});

describe('rows, reminders and refreshing', () => {
  const late = delivery({ id: 'd2', overdue: true, method: 'link', unit: { ...delivery().unit, id: 'u2', name: '区人大办公室' } });
  const lateByMail = delivery({ id: 'd3', overdue: true });
  const signed = delivery({ id: 'd4', overdue: false, confirmedAt: '2020-10-18T03:00:00Z' });
  const old = delivery({ id: 'd5', overdue: true, supersededAt: '2020-11-01T00:00:00Z' });

  it('highlights overdue rows and greys superseded ones', () => {
    expect([late, signed, old, delivery()].map(rowState)).toEqual(['overdue', 'confirmed', 'superseded', 'open']);
  });

  it('reminds the overdue units of this revision, and lists the link and paper ones to phone', () => {
    expect(overdueDeliveries([late, lateByMail, signed, old]).map(d => d.id)).toEqual(['d2', 'd3']);
    expect(unitsToPhone([late, lateByMail, signed, old]).map(d => d.unit.name)).toEqual(['区人大办公室']);
  });

  it('looks again while a PDF is made or an e-mail is queued or retried, not for superseded copies', () => {
    expect(anyPending([delivery()])).toBe(false);
    expect(anyPending([delivery(), delivery({ pdfStatus: 'running' })])).toBe(true);
    expect(anyPending([delivery({ mailStatus: 'retrying' })])).toBe(true);
    expect(anyPending([delivery({ mailStatus: 'queued', supersededAt: '2020-11-01T00:00:00Z' })])).toBe(false);
    expect(anyPending(undefined)).toBe(false);
  });

  it('names the revision that replaced a superseded copy', () => {
    const replaced = delivery({ issueRevision: 0, supersededAt: '2020-11-01T00:00:00Z' });
    expect(supersedingRevision(replaced, [replaced, delivery({ id: 'n', issueRevision: 1 }), delivery({ id: 'm', issueRevision: 2 })], 2)).toBe(1);
    expect(supersedingRevision(replaced, [replaced], 2)).toBe(2);
  });
});

describe('whether 分发 can be pressed', () => {
  const final = { kind: 'final', status: 'done', issueRevision: 1 } as Rendition;
  const issue = { status: 'published' as const, revision: 1, recipients: [{ id: 'u1', name: '区委办公室' }] };

  it('is possible for a published issue with the final PDF of its revision and units to send to', () => {
    expect(dispatchBlocked(issue, [final], [])).toBeUndefined();
  });

  it('says why not', () => {
    expect(dispatchBlocked({ ...issue, status: 'approved' }, [final], [])).toBe('app.distribution.blocked.not_published');
    expect(dispatchBlocked(issue, [{ ...final, issueRevision: 0 }], [])).toBe('app.distribution.blocked.no_final');
    expect(dispatchBlocked(issue, [{ ...final, status: 'running' }], [])).toBe('app.distribution.blocked.no_final');
    expect(dispatchBlocked({ ...issue, recipients: [] }, [final], [])).toBe('app.distribution.blocked.no_units');
    expect(dispatchBlocked(issue, [final], [delivery({ issueRevision: 1 })])).toBe('app.distribution.blocked.dispatched');
    expect(dispatchBlocked(issue, [final], [delivery({ issueRevision: 0, supersededAt: '2020-11-01T00:00:00Z' })])).toBeUndefined();
  });
});
