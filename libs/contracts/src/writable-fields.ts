/**
 * The fields of each resource that the admin writes. The API's validation pipe refuses any field
 * its DTO does not declare (id, createdAt, entryCount, an issue's table of contents…), so a form
 * sends these and nothing else.
 */
export interface WritableFields {
  fields: readonly string[];
  /** Fields a client may clear with null. */
  nullable?: readonly string[];
  /** Updates carry the version that was read; the server answers 409 to a stale one. */
  versioned?: boolean;
}

export const WRITABLE_FIELDS = {
  issues: {
    fields: ['year', 'month', 'serialNumber', 'title', 'compiler', 'publicationDate', 'coverageStart', 'coverageEnd', 'deadline'],
    // The other dates are required: the server refuses null for them.
    nullable: ['deadline'],
    versioned: true,
  },
  entries: {
    // `contributors` replaces the entry's credits as a whole.
    fields: ['title', 'sectionId', 'issueId', 'eventDate', 'eventDatePrecision', 'bodyHtml', 'position', 'sourceId', 'contributors'],
    nullable: ['issueId', 'sourceId'],
    versioned: true,
  },
  sections: { fields: ['key', 'name', 'position', 'active'] },
  recipients: {
    fields: ['name', 'category', 'position', 'active', 'contactPerson', 'phone', 'emails', 'paperCopies', 'deliveryMethod'],
    nullable: ['contactPerson', 'phone'],
  },
  contributors: { fields: ['name', 'role', 'organisation'], nullable: ['organisation'] },
  sources: { fields: ['newspaper', 'issueDate', 'page', 'headline', 'text', 'contributors'], nullable: ['issueDate', 'page'] },
  // A password left out keeps the current one.
  users: { fields: ['username', 'displayName', 'roles', 'active', 'password'] },
  // 年度大事记: the year is given once, when the volume is compiled (POST), and never changed.
  'annual-volumes': { fields: ['year', 'title', 'compiler', 'publicationDate'], versioned: true },
  // An event of a volume: `volumeId` only when the editor adds one no issue carried.
  'annual-volume-entries': { fields: ['volumeId', 'title', 'eventDate', 'eventDatePrecision', 'bodyHtml'], versioned: true },
} as const satisfies Record<string, WritableFields>;

export type WritableResource = keyof typeof WRITABLE_FIELDS;
