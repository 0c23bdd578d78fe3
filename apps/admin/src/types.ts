/** Records as the API returns them (ids are UUID strings, dates "YYYY-MM-DD", timestamps ISO). */

export type Role = 'admin' | 'editor' | 'reviewer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export type IssueStatus = 'drafting' | 'in_review' | 'approved' | 'published';

export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'changes_requested';

export type EventDatePrecision = 'day' | 'month';

export interface Issue {
  id: string;
  year: number;
  month: number;
  serialNumber: number;
  title: string;
  compiler: string;
  publicationDate: string;
  coverageStart: string;
  coverageEnd: string;
  status: IssueStatus;
  revision: number;
  version: number;
  entryCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One entry as listed in the table of contents of `GET /api/issues/:id`. */
export interface IssueContentsEntry {
  id: string;
  title: string;
  status: EntryStatus;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
  position: number;
}

export interface IssueContentsSection {
  id: string;
  key: string;
  name: string;
  entries: IssueContentsEntry[];
}

export interface RecipientUnit {
  id: string;
  name: string;
}

/** `GET /api/issues/:id` adds the table of contents and the distribution list. */
export interface IssueDetail extends Issue {
  sections: IssueContentsSection[];
  recipients: RecipientUnit[];
}

export interface Section {
  id: string;
  key: string;
  name: string;
  position: number;
  active: boolean;
}

export interface Entry {
  id: string;
  issueId: string;
  sectionId: string;
  title: string;
  bodyText: string;
  bodyHtml: string | null;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
  status: EntryStatus;
  version: number;
  position: number;
  createdAt: string;
  updatedAt: string;
}
