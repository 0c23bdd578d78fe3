/**
 * Records as the API returns them, and the bodies of its requests beyond plain CRUD (ids are UUID
 * strings, dates "YYYY-MM-DD", timestamps ISO).
 */
import type { ContributorRole, DeliveryMethod, EntryStatus, MailStatus, EventDatePrecision, IssueStatus, PageNumbering, PaperSize, RenditionKind, RenditionStatus, Role } from './vocabulary';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

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
  /**
   * Only in the answer to 签发 (sign-off): what will not print well, one sentence each, naming
   * the entry ("条目《…》第1张图片分辨率不足：…"). Warnings, not refusals: the issue is signed off.
   */
  printWarnings?: string[];
}

/** One entry as listed in the table of contents of `GET /api/issues/:id`. */
export interface IssueContentsEntry {
  id: string;
  title: string;
  status: EntryStatus;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
  position: number;
  version: number;
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
  position?: number;
  /** When the unit confirmed receipt of the published issue. */
  receivedAt?: string | null;
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
  /** What the saved entry will not print as written (returned by GET one and by saves). */
  warnings?: EntryWarning[];
}

/**
 * Characters of the title or body that no font of the PDF has: the entry is saved, but they
 * would not print. Each comes with what to put instead ('' = remove it), or null when only the
 * editor can choose (a rare ideograph to be written another way).
 */
export interface MissingGlyphsWarning {
  code: 'missing-glyphs';
  characters: string[];
  alternatives: Array<{ character: string; alternative: string | null }>;
  message: string;
}

/**
 * A figure too small for the size it prints at (below MIN_PRINT_DPI, print-resolution.ts): the
 * entry is saved and prints, but the picture will look soft. Figures numbered as the PDF has them.
 */
export interface LowResolutionWarning {
  code: 'low-resolution';
  figure: number;
  width: number;
  height: number;
  dpi: number;
  message: string;
}

/**
 * An event date that looks wrong: outside the period its issue covers, or another day than the
 * one the body's first sentence names (libs/workflow entryDateWarnings). The save goes through.
 */
export type EventDateWarning =
  | { code: 'event-date-out-of-period'; message: string }
  | { code: 'body-date-mismatch'; bodyDate: string; message: string };

export type EntryWarning = MissingGlyphsWarning | LowResolutionWarning | EventDateWarning;

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

/** 发放单位: a unit on the distribution list, and how it receives an issue. */
export interface Recipient {
  id: string;
  name: string;
  category: string;
  position: number;
  active: boolean;
  /** 联系人 */
  contactPerson: string | null;
  phone: string | null;
  /** E-mail addresses (at most MAX_RECIPIENT_EMAILS); required when deliveryMethod is email. */
  emails: string[];
  /** 纸质份数 */
  paperCopies: number;
  deliveryMethod: DeliveryMethod;
}

/** A login account as administrators see it (never with its password). */
export interface UserAccount extends User {
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One typesetting of an issue, or of an annual volume (年度大事记), to PDF, made by the worker. */
export interface Rendition {
  id: string;
  /** The issue typeset, or null for a volume's rendition. */
  issueId: string | null;
  /** The annual volume typeset, or null for an issue's rendition. */
  volumeId: string | null;
  kind: RenditionKind;
  status: RenditionStatus;
  /** 0–100 */
  progress: number;
  issueRevision: number;
  pages: number | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  /** What the finished PDF prints other than asked (a figure shown as a placeholder), one line each. */
  warnings: string[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  fileUrl: string | null;
  /** When a later final (a correction's, 勘误) replaced this one; the file stays downloadable. */
  supersededAt: string | null;
}

/** What a transition sends: the version that was read, and for a return what to change. */
export interface TransitionBody {
  version: number;
  comment?: string;
  /** 送审/签发 with entries dated outside the issue's period: the editor has seen the list and confirms. */
  confirmOutOfPeriod?: boolean;
}

/** An entry dated outside its issue's period, as a 409 at 送审/签发 lists it (code 'out_of_period'). */
export interface OutOfPeriodEntry {
  id?: string;
  title: string;
  eventDate: string;
  /** e.g. 2021年9月14日 */
  eventDateLabel: string;
}

/** A review comment on an entry, tied to the entry version it was made on. */
export interface EntryComment {
  id: string;
  entryId: string;
  entryVersion: number;
  body: string;
  author: { id: string; username: string; displayName: string };
  createdAt: string;
}

/** One saved version of an entry (saves and workflow transitions alike). */
export interface EntryRevision {
  id: string;
  entryId: string;
  version: number;
  title: string;
  bodyHtml: string;
  bodyText: string;
  eventDate: string;
  eventDatePrecision: EventDatePrecision;
  sectionId: string;
  status: EntryStatus;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

/** One step of an issue's way through review (GET /api/issues/:id/history). */
export interface IssueHistoryEvent {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
  status: IssueStatus | null;
  comment: string | null;
}

/** PUT /api/issues/:id/arrangement: every section's entries in print order. */
export interface IssueArrangement {
  version: number;
  sections: { sectionId: string; entryIds: string[] }[];
}

/** An entry of the audit trail (admins only). */
export interface AuditEvent {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: string;
}

/** 刊头设置: what the cover and the back block print about the office. */
export interface Masthead {
  id: string;
  publicationTitle: string;
  notice: string;
  sponsor: string;
  publisher: string;
  phone: string;
  email: string;
  paper: PaperSize;
  pageNumbering: PageNumbering;
  updatedAt: string;
}

export type MastheadChanges = Partial<Pick<Masthead, 'publicationTitle' | 'notice' | 'sponsor' | 'publisher' | 'phone' | 'email' | 'paper' | 'pageNumbering'>>;

/**
 * One unit's delivery of one revision of a published issue (GET /api/issues/:id/deliveries).
 * `link` is present only in the answer that created the link (dispatch, reissue): the server keeps
 * only its hash.
 */
export interface Delivery {
  id: string;
  dispatchId: string;
  issueId: string;
  issueRevision: number;
  position: number;
  unit: { id: string; name: string; category: string; contactPerson: string | null; phone: string | null };
  method: DeliveryMethod;
  emails: string[];
  paperCopies: number;
  /** The personalised PDF: queued → running → done, or failed with pdfError. */
  pdfStatus: RenditionStatus;
  pdfBytes: number | null;
  pdfSha256: string | null;
  pdfError: string | null;
  mailStatus: MailStatus;
  mailAttempts: number;
  mailError: string | null;
  sentAt: string | null;
  remindedAt: string | null;
  reminders: number;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  openCount: number;
  firstDownloadedAt: string | null;
  downloadCount: number;
  confirmedAt: string | null;
  confirmedByName: string | null;
  /** Receipt recorded by staff from a signed paper slip. */
  confirmedOnPaper: boolean;
  supersededAt: string | null;
  /** The newest link's expiry, and whether every link was revoked. */
  linkExpiresAt: string | null;
  linkRevoked: boolean;
  /** Not confirmed DeliverySettings.overdueDays after it was dispatched (and not superseded). */
  overdue: boolean;
  createdAt: string;
  link?: string;
}

/** POST /api/issues/:id/dispatches (201): the dispatch and the deliveries it made, each with its full link. */
export interface DispatchResult {
  id: string;
  issueId: string;
  issueRevision: number;
  renditionId: string;
  createdAt: string;
  deliveries: Array<Delivery & { link: string }>;
}

/** GET /api/receive/:token: what a unit's link shows, without a staff login. */
export interface ReceivedDelivery {
  issue: { title: string; serialNumber: number; year: number; month: number; publicationDate: string; revision: number };
  unit: { name: string };
  /** This copy's revision of the issue. */
  issueRevision: number;
  /** ready (PDF made), preparing, confirmed, superseded (a correction replaced this copy). */
  status: 'preparing' | 'ready' | 'confirmed' | 'superseded';
  pdfBytes: number | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
  expiresAt: string;
  /** Present when superseded: the copy that replaced it, downloadable with this same link (GET …/current/file). */
  current: { issueRevision: number; pdfBytes: number | null; status: 'preparing' | 'ready' | 'confirmed'; confirmedAt: string | null } | null;
}

/** 分发设置 as the admin reads it: the SMTP password is never returned, only whether one is set. */
export interface DeliverySettings {
  publicUrl: string | null;
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPasswordSet: boolean;
  sender: string | null;
  attachPdf: boolean;
  linkTtlDays: number;
  overdueDays: number;
  updatedAt: string;
}

/** Issues whose current revision still awaits receipts (the dashboard's 待签收). */
export interface AwaitingReceipts {
  issueId: string;
  serialNumber: number;
  title: string;
  issueRevision: number;
  total: number;
  confirmed: number;
  overdue: number;
  mailFailed: number;
}

/** 勘误 of a published issue: 待签发, 已签发 (the issue reissued as `revision`), 已退回. */
export type CorrectionStatus = 'pending' | 'signed_off' | 'returned';

export interface IssueCorrectionSummary {
  id: string;
  status: CorrectionStatus;
  /** The revision the sign-off made; null until then. */
  revision: number | null;
  reason: string;
  /** The entries it corrects, with their corrected titles. */
  entries: { entryId: string; title: string }[];
  createdAt: string;
  createdByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  /** The reviewer's comment on a return. */
  decisionComment: string | null;
}

/** An entry of a published issue with the wording it prints now (corrections applied). */
export interface CorrectionWording {
  entryId: string;
  sectionName: string;
  title: string;
  bodyHtml: string;
}

export interface StartCorrectionBody {
  version: number;
  reason: string;
  entries: { entryId: string; title?: string; bodyHtml?: string }[];
}
