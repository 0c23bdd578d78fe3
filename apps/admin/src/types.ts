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
  /** Copy deadline for editors ("YYYY-MM-DD"), when one is set. */
  deadline: string | null;
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
  issueId: string | null;
  sectionId: string;
  sourceId: string | null;
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

export type ContributorRole = 'reporter' | 'correspondent' | 'photographer';

/** 记者 / 通讯员 / 摄影, credited on sources and entries. */
export interface Contributor {
  id: string;
  name: string;
  role: ContributorRole;
  organisation: string | null;
  createdAt: string;
}

/** A credit on a source article, with the contributor's name for display. */
export interface SourceCredit {
  contributorId: string;
  role: ContributorRole;
  name?: string;
}

/** 来稿: a newspaper article (or unit report) that entries are condensed from. */
export interface Source {
  id: string;
  newspaper: string;
  issueDate: string | null;
  page: string | null;
  headline: string;
  text: string;
  contributors: SourceCredit[];
  createdAt: string;
  updatedAt: string;
}

/** 发放单位: a unit on the distribution list. */
export interface Recipient {
  id: string;
  name: string;
  category: string;
  position: number;
  active: boolean;
}

/** A login account as administrators see it (never with its password). */
export interface UserAccount extends User {
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type RenditionKind = 'proof' | 'final';

export type RenditionStatus = 'queued' | 'running' | 'done' | 'failed';

/** One typesetting of an issue to PDF, made by the worker. */
export interface Rendition {
  id: string;
  issueId: string;
  kind: RenditionKind;
  status: RenditionStatus;
  /** 0–100 */
  progress: number;
  issueRevision: number;
  pages: number | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  fileUrl: string | null;
}
