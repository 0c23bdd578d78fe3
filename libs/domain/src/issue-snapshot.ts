/**
 * Everything needed to typeset one issue, as it stands when a rendition is requested: the API
 * reads it from the database (libs/db loadIssueSnapshot), hashes it (the rendition's
 * `contentHash`) and stores it on the rendition in the same transaction (libs/db
 * issue-snapshot-store.ts, figures kept once each beside it); the worker prints that stored
 * snapshot, so a PDF never shows content edited after its request. Consumed by the typesetting
 * library, which has no framework or database inside.
 */
import type { PageNumbering, RenditionKind } from '@dsyb/contracts';

export type { RenditionKind };

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
  /**
   * How pages are numbered (PAGE_NUMBERINGS), from the masthead settings at the time of the
   * snapshot, so a published issue keeps the scheme it was published with. Absent in snapshots
   * taken before the setting existed: those were printed "from-body".
   */
  pageNumbering?: PageNumbering;
}

export interface EntrySnapshot {
  id: string;
  title: string;
  /**
   * The body as printed: paragraphs with bold runs, lists and figures, built from the entry's
   * rich text (libs/rich-text). The typesetter prints these whenever they are present.
   */
  blocks?: EntryBlock[];
  /**
   * The body as plain paragraphs: the form snapshots had before rich text was printed, still
   * accepted for callers that only have plain text (the reference issue's seed, benchmarks).
   * Used only when `blocks` is absent.
   */
  paragraphs?: string[];
  /** 摄影: names of the entry's photographers in byline order, credited under its figures. */
  photographers?: string[];
}

/**
 * One block of an entry body. JSON-safe on purpose: a snapshot is hashed as JSON (to know
 * whether a rendition already exists) and cloned into the typesetting thread.
 */
export type EntryBlock = ParagraphBlock | ListBlock | FigureBlock;

/** A stretch of text printed in one style; `bold` only when set (printed in Noto Serif SC Bold). */
export interface TextRun {
  text: string;
  bold?: boolean;
}

/** A body paragraph, printed justified with a two-character first-line indent. */
export interface ParagraphBlock {
  type: 'paragraph';
  runs: TextRun[];
}

/**
 * A numbered (ordered) or bulleted list. Each item is one run sequence; a "\n" inside an item's
 * text is a line break within the item (the editor's line break or second paragraph in an item).
 */
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: TextRun[][];
}

/** An image with its caption (plain text, may be empty), printed centred as one unit. */
export interface FigureBlock {
  type: 'figure';
  image: FigureImage;
  caption: string;
}

export type FigureImage = EmbeddedImage | OmittedImage;

/** Image bytes carried in the snapshot itself, base64-encoded (PNG or JPEG, see embedded-image.ts). */
export interface EmbeddedImage {
  kind: 'embedded';
  mediaType: 'image/png' | 'image/jpeg';
  base64: string;
}

/**
 * An image the body refers to but the PDF cannot show; the typesetter prints a visible
 * placeholder with the caption, so the gap is seen on the proof rather than hidden.
 */
export interface OmittedImage {
  kind: 'omitted';
  reason: ImageOmission;
}

/**
 * remote: an http(s) address (never fetched: the render must not depend on, or call out to,
 * other servers); unsupported: a data: URL of another type (GIF, SVG, text…); too-large: over
 * the byte or pixel limit; invalid: not decodable, or the bytes are not what they claim to be;
 * missing: an image element without a usable source.
 */
export type ImageOmission = 'remote' | 'unsupported' | 'too-large' | 'invalid' | 'missing';

export interface SectionSnapshot {
  key: string;
  name: string;
  entries: EntrySnapshot[];
}

/**
 * One 勘误 as printed in the reissued issue: which revision it made, when it was signed off, why,
 * and which entries it changed (their corrected title, and the published one when it changed).
 */
export interface CorrectionNoticeSnapshot {
  /** The revision this correction made, e.g. 2 for the first correction. */
  revision: number;
  /** ISO date of the sign-off in Beijing, e.g. "2020-10-15". */
  date: string;
  reason: string;
  entries: { title: string; previousTitle: string }[];
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
  /**
   * The corrections (勘误) made since publication, oldest first, printed as a notice in the
   * reissued PDF. Absent from a first publication (and from proofs before it).
   */
  corrections?: CorrectionNoticeSnapshot[];
  kind: RenditionKind;
  /** ISO timestamp of the render request, printed on proofs. */
  renderedAt: string;
}
