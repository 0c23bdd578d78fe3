import type { DeliveryLink } from '@dsyb/db';
import { isOverdue, presentDelivery, type DeliveryRow } from './delivery.presenter';

const dispatchedAt = new Date('2020-10-16T02:00:00Z');
const day = 86_400_000;

function link(createdAt: Date, expiresAt: Date, revokedAt: Date | null = null): DeliveryLink {
  return { id: `link-${createdAt.getTime()}`, deliveryId: 'delivery', tokenHash: `hash-${createdAt.getTime()}`, purpose: 'dispatch', createdAt, expiresAt, revokedAt };
}

const row = {
  id: 'delivery',
  dispatchId: 'dispatch',
  issueId: 'issue',
  recipientId: 'unit',
  issueRevision: 1,
  position: 1,
  unitName: '区委办公室',
  method: 'email',
  emails: ['office@example.test'],
  paperCopies: 2,
  linkBase: 'https://dsyb.example/receive/',
  pdfStatus: 'done',
  pdfStorageKey: 'deliveries/issue/delivery.pdf',
  pdfBytes: 1000,
  pdfSha256: 'abc',
  pdfError: null,
  mailStatus: 'sent',
  mailAttempts: 1,
  mailError: null,
  sentAt: dispatchedAt,
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
  createdAt: dispatchedAt,
  updatedAt: dispatchedAt,
  recipient: { id: 'unit', name: '区委办公室', category: '区直部门', position: 1, active: true, contactPerson: '张三', phone: '0371-1', emails: [], paperCopies: 2, deliveryMethod: 'email' },
  links: [link(dispatchedAt, new Date(dispatchedAt.getTime() + 90 * day))],
} satisfies DeliveryRow;

it('calls a unit overdue once it has not confirmed for the set number of days, and never a superseded or confirmed copy', () => {
  expect(isOverdue(row, 7, new Date(dispatchedAt.getTime() + 6 * day))).toBe(false);
  expect(isOverdue(row, 7, new Date(dispatchedAt.getTime() + 8 * day))).toBe(true);
  expect(isOverdue({ ...row, confirmedAt: new Date() }, 7, new Date(dispatchedAt.getTime() + 8 * day))).toBe(false);
  expect(isOverdue({ ...row, supersededAt: new Date() }, 7, new Date(dispatchedAt.getTime() + 8 * day))).toBe(false);
});

it('shows the newest live link’s expiry, says when every link is revoked, and never a link unless given one', () => {
  const later = link(new Date(dispatchedAt.getTime() + day), new Date(dispatchedAt.getTime() + 91 * day));
  const presented = presentDelivery({ ...row, links: [...row.links, later] }, 7, dispatchedAt);
  expect(presented).toMatchObject({ linkExpiresAt: later.expiresAt.toISOString(), linkRevoked: false, overdue: false, unit: { name: '区委办公室', contactPerson: '张三' } });
  expect(presented).not.toHaveProperty('link');
  const revoked = presentDelivery({ ...row, links: [link(dispatchedAt, later.expiresAt, new Date())] }, 7, dispatchedAt);
  expect(revoked).toMatchObject({ linkRevoked: true, linkExpiresAt: null });
  expect(presentDelivery(row, 7, dispatchedAt, 'https://dsyb.example/receive/x').link).toBe('https://dsyb.example/receive/x');
});
