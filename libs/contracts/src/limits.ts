/**
 * How long each text the API stores may be, in characters: the API refuses more (400), and the
 * admin's forms say so before sending.
 */
export const MAX_LENGTH = {
  user: { displayName: 40, password: 200 },
  section: { name: 20 },
  recipient: { name: 100, category: 40, contactPerson: 40, phone: 40, email: 254 },
  /** The name typed by whoever confirms a receipt (签收人). */
  delivery: { confirmedByName: 40 },
  contributor: { name: 40, organisation: 100 },
  issue: { title: 60, compiler: 60 },
  /**
   * bodyHtml is rich text with images as data: URLs: about three images of the largest size the
   * editor takes (2 MB, a third more as base64).
   */
  entry: { title: 200, bodyHtml: 8_000_000, bodyText: 100_000 },
  source: { newspaper: 100, page: 40, headline: 300, text: 200_000 },
  masthead: { publicationTitle: 40, notice: 40, sponsor: 60, publisher: 60, email: 100 },
  /** A review comment, and the comment of a return. */
  comment: { body: 2000 },
  correction: { reason: 1000 },
} as const;

/** A unit may list this many e-mail addresses. */
export const MAX_RECIPIENT_EMAILS = 5;
