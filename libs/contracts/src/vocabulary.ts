/**
 * The words the API and its clients share: statuses, roles and kinds. The lists match the
 * PostgreSQL enums (and so Prisma's generated types) value for value; they are declared here, in
 * plain TypeScript, so that the API's validation, the workflow rules and the admin read one list.
 */

/** 管理员 · 编辑 · 审核 */
export const ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** 草稿 → 待审 → 已通过, or → 退回修改 → 草稿 */
export const ENTRY_STATUSES = ['draft', 'submitted', 'approved', 'changes_requested'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** 编辑中 → 送审 → 已签发 → 已发布 */
export const ISSUE_STATUSES = ['drafting', 'in_review', 'approved', 'published'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** An event dated to the day ("9月17日") or only to its month ("9月"). */
export const EVENT_DATE_PRECISIONS = ['day', 'month'] as const;
export type EventDatePrecision = (typeof EVENT_DATE_PRECISIONS)[number];

/** 记者 · 通讯员 · 摄影, in the order bylines name them. */
export const CONTRIBUTOR_ROLES = ['reporter', 'correspondent', 'photographer', 'intern'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** 校样 (a proof, any time) · 定稿 (the final PDF of a signed-off issue). */
export const RENDITION_KINDS = ['proof', 'final'] as const;
export type RenditionKind = (typeof RENDITION_KINDS)[number];

export const RENDITION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RenditionStatus = (typeof RENDITION_STATUSES)[number];

/** How a unit receives an issue: 下载链接 · 电子邮件 · 纸质. */
export const DELIVERY_METHODS = ['link', 'email', 'paper'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** The e-mail of a delivery: none (not an e-mail unit) → queued → sent, or retrying → failed. */
export const MAIL_STATUSES = ['none', 'queued', 'retrying', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Typst paper names the office may choose from. */
export const PAPER_SIZES = ['a4', 'a5', 'b5', 'iso-b5', 'jis-b5', 'us-letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * How printed pages are numbered. 'from-cover' (default, as the reference issue 总第97期 does: its
 * contents give page 4 for the first entry, after the cover and two pages of contents): every page
 * counts from the cover, the numbers are printed from the first body page on. 'from-body': the
 * first body page is page 1.
 */
export const PAGE_NUMBERINGS = ['from-cover', 'from-body'] as const;
export type PageNumbering = (typeof PAGE_NUMBERINGS)[number];

/** An entry's transitions (POST /api/entries/:id/<transition>). */
export const ENTRY_TRANSITIONS = ['submit', 'withdraw', 'approve', 'return'] as const;
export type EntryTransition = (typeof ENTRY_TRANSITIONS)[number];

/** An issue's transitions (POST /api/issues/:id/<transition>, with - for _), forward first, the return last. */
export const ISSUE_TRANSITIONS = ['submit_review', 'sign_off', 'publish', 'return'] as const;
export type IssueTransition = (typeof ISSUE_TRANSITIONS)[number];

/** Whether a value read from a request (a filter, a query) is one of a vocabulary's words. */
export function isOneOf<const T extends readonly string[]>(words: T, value: unknown): value is T[number] {
  return typeof value === 'string' && (words as readonly string[]).includes(value);
}

/**
 * What a revision of a published issue is called wherever a unit or the office reads it (the
 * unit's page, the e-mail, the register, the API's messages): revision 1 is the issue as
 * published, each correction (勘误) makes the next.
 */
export function correctedRevisionName(revision: number): string {
  return `勘误后的第${revision}版`;
}
