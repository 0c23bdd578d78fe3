/**
 * What the admin sends when it writes a record: creates the writable fields (libs/contracts,
 * WRITABLE_FIELDS, which the API's DTOs declare), updates only those of them that changed, plus the
 * `version` that was read for the resources the server versions. Form values are turned into what
 * the API stores on the way.
 */
import { WRITABLE_FIELDS, type WritableFields } from '@dsyb/contracts';

interface WritableSpec extends WritableFields {
  /** Turns form values into what the API stores (applied to create and update alike). */
  normalise?: (data: Record<string, unknown>) => Record<string, unknown>;
}

type Data = Record<string, unknown>;

/**
 * Credits (of a source or an entry) are sent as {contributorId, role}; the name the API adds
 * for display is left out, and so are rows of the form where no contributor was picked.
 */
function normaliseCredits(data: Data): Data {
  if (!Array.isArray(data.contributors)) return data;
  const credits = (data.contributors as unknown[])
    .filter((credit): credit is Data => typeof credit === 'object' && credit !== null)
    .filter(credit => typeof credit.contributorId === 'string' && credit.contributorId !== '')
    .map(credit => ({ contributorId: credit.contributorId, role: credit.role }));
  return { ...data, contributors: credits };
}

/** A month-precision event date is stored as the 1st of its month; credits as the API takes them. */
function normaliseEntry(data: Data): Data {
  const { eventDate, eventDatePrecision } = data;
  const credited = normaliseCredits(data);
  if (eventDatePrecision === 'month' && typeof eventDate === 'string' && /^\d{4}-\d{2}/.test(eventDate)) {
    return { ...credited, eventDate: `${eventDate.slice(0, 7)}-01` };
  }
  return credited;
}

export const WRITABLE: Record<string, WritableSpec> = {
  ...WRITABLE_FIELDS,
  entries: { ...WRITABLE_FIELDS.entries, normalise: normaliseEntry },
  sources: { ...WRITABLE_FIELDS.sources, normalise: normaliseCredits },
  'annual-volume-entries': { ...WRITABLE_FIELDS['annual-volume-entries'], normalise: normaliseEntry },
  // 检索词典 (the API answers writes with the record and `reindexed`, which is not sent back).
  'search-terms': { fields: ['word', 'kind', 'note'], nullable: ['note'] },
};

/** The listed fields of `data`, with emptied inputs as null (clearable fields) or left out (the rest). */
function pick(spec: WritableSpec, data: Data): Data {
  const picked: Data = {};
  for (const field of spec.fields) {
    if (!(field in data)) continue;
    const value = data[field];
    if (value === '' || value === null || value === undefined) {
      if (spec.nullable?.includes(field)) picked[field] = null;
      continue;
    }
    picked[field] = value;
  }
  return spec.normalise ? spec.normalise(picked) : picked;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The body of a POST: the writable fields the form filled in. Unknown resources pass unchanged. */
export function creatableData(resource: string, data: Data): Data {
  const spec = WRITABLE[resource];
  return spec ? pick(spec, data) : data;
}

/**
 * The body of a PUT: the writable fields whose value differs from the record that was read,
 * and the version that was read. `undefined` when nothing changed, so no request is needed.
 */
export function changedData(resource: string, data: Data, previousData: Data | undefined): Data | undefined {
  const spec = WRITABLE[resource];
  if (!spec) return data;
  const next = pick(spec, data);
  const before = previousData ? pick(spec, previousData) : {};
  const changes: Data = {};
  for (const [field, value] of Object.entries(next)) {
    if (!previousData || !sameValue(value, before[field] ?? null)) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) return undefined;
  if (spec.versioned) changes.version = previousData?.version ?? data.version;
  return changes;
}
