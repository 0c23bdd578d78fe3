/**
 * Everything needed to typeset one issue, frozen at the moment a rendition is requested.
 * Built by the API from the database; consumed by the typesetting library, which has no
 * framework or database inside.
 */
export type RenditionKind = 'proof' | 'final';

export interface MastheadSnapshot {
  /** e.g. "中原区大事月报" */
  publicationTitle: string;
  /** e.g. "(内部资料 注意保存)" */
  notice: string;
  /** 主办, e.g. "中原区人民政府" */
  sponsor: string;
  /** 编辑出版, e.g. "中原区地方史志办公室" */
  publisher: string;
  phone: string;
  email: string;
}

export interface EntrySnapshot {
  id: string;
  title: string;
  /** Body as paragraphs of plain text (rich text is reduced to paragraphs for now). */
  paragraphs: string[];
}

export interface SectionSnapshot {
  key: string;
  name: string;
  entries: EntrySnapshot[];
}

export interface IssueSnapshot {
  issueId: string;
  /** e.g. 2020 */
  year: number;
  /** 1–12 */
  month: number;
  /** 总第N期 */
  serialNumber: number;
  /** Compiling office shown on the cover, e.g. "中原区地方史志办公室" */
  compiler: string;
  /** ISO date, e.g. "2020-10-15" */
  publicationDate: string;
  masthead: MastheadSnapshot;
  /** Sections in print order; empty sections are left out by the typesetter. */
  sections: SectionSnapshot[];
  /** Recipient unit names in their set order (发放范围). */
  recipients: string[];
  kind: RenditionKind;
  /** ISO timestamp of the render request, printed on proofs. */
  renderedAt: string;
}
