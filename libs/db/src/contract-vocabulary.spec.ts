import { CONTRIBUTOR_ROLES, DELIVERY_METHODS, ENTRY_STATUSES, MAIL_STATUSES, EVENT_DATE_PRECISIONS, ISSUE_STATUSES, RENDITION_KINDS, RENDITION_STATUSES, ROLES } from '@dsyb/contracts';
import { ContributorRole, DatePrecision, DeliveryMethod, EntryStatus, IssueStatus, MailStatus, RenditionKind, RenditionStatus, Role } from './generated/prisma/enums';

// The contract's words are declared in plain TypeScript so the admin can share them; the
// database's enums are schema.prisma's (schema-drift.spec.ts holds the migrated database to it).
// A status added to one and not the other would be refused by the API or by PostgreSQL.
it.each([
  ['Role', ROLES, Role],
  ['EntryStatus', ENTRY_STATUSES, EntryStatus],
  ['IssueStatus', ISSUE_STATUSES, IssueStatus],
  ['DatePrecision', EVENT_DATE_PRECISIONS, DatePrecision],
  ['ContributorRole', CONTRIBUTOR_ROLES, ContributorRole],
  ['RenditionKind', RENDITION_KINDS, RenditionKind],
  ['RenditionStatus', RENDITION_STATUSES, RenditionStatus],
  ['DeliveryMethod', DELIVERY_METHODS, DeliveryMethod],
  ['MailStatus', MAIL_STATUSES, MailStatus],
])('the contract lists the database enum %s value for value, in its order', (_name, words, databaseEnum) => {
  expect([...words]).toEqual(Object.values(databaseEnum));
});
