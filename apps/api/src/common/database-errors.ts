import { Prisma } from '@dsyb/db';

/**
 * What went wrong in the database, as far as an answer to the client depends on it. Prisma
 * reports a known request error with its own code (P2002...) and, through the pg driver
 * adapter, the PostgreSQL error underneath (`meta.driverAdapterError.cause`: its kind, SQLSTATE,
 * message and hint). Both are read here, and only here.
 */
export type DatabaseError =
  /** The database's own integrity triggers refused the write; the message is written for the user. */
  | { kind: 'refused'; message: string }
  /** A unique constraint; `fields` names the columns when the driver says which. */
  | { kind: 'unique'; fields?: readonly string[] }
  /** A foreign key: the row is still referenced, or a referenced row does not exist. */
  | { kind: 'foreign_key' }
  /** The record to change or delete does not exist (any more). */
  | { kind: 'not_found' }
  /** A serialization failure or a deadlock: the transaction lost to a concurrent one. */
  | { kind: 'write_conflict' }
  /** PostgreSQL does not answer (down, restarting, out of connections): a 503, not our fault. */
  | { kind: 'unreachable' };

/** Prisma's codes for a database it cannot reach or whose connection broke, and the pg adapter's kinds for the same. */
const UNREACHABLE_CODES = ['P1001', 'P1002', 'P1017', 'P2024'];
const UNREACHABLE_KINDS = ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'];

interface DriverCause {
  kind?: unknown;
  code?: unknown;
  message?: unknown;
  hint?: unknown;
  constraint?: { fields?: unknown };
}

/** The PostgreSQL error under a Prisma error, as the pg driver adapter reports it. */
function driverCause(error: Prisma.PrismaClientKnownRequestError): DriverCause | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined;
  return meta?.driverAdapterError?.cause;
}

function strings(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Reads a database error; undefined for anything else (including database errors the client need not know of). */
export function readDatabaseError(error: unknown): DatabaseError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = driverCause(error);
  const sqlState = typeof cause?.code === 'string' ? cause.code : undefined;
  // The freeze triggers (migration 20261123100000_freeze_published: frozen publications,
  // append-only audit trail) raise SQLSTATE class ZF with a Chinese message and hint.
  if (sqlState?.startsWith('ZF') && typeof cause?.message === 'string') {
    return { kind: 'refused', message: typeof cause.hint === 'string' ? `${cause.message}${cause.hint}` : cause.message };
  }
  if (UNREACHABLE_CODES.includes(error.code) || UNREACHABLE_KINDS.includes(String(cause?.kind))) return { kind: 'unreachable' };
  if (error.code === 'P2025') return { kind: 'not_found' };
  if (error.code === 'P2002' || cause?.kind === 'UniqueConstraintViolation' || sqlState === '23505') {
    return { kind: 'unique', fields: strings(cause?.constraint?.fields) ?? strings(error.meta?.target) };
  }
  if (error.code === 'P2003' || cause?.kind === 'ForeignKeyConstraintViolation' || sqlState === '23503') return { kind: 'foreign_key' };
  if (error.code === 'P2034' || cause?.kind === 'TransactionWriteConflict' || sqlState === '40001' || sqlState === '40P01') return { kind: 'write_conflict' };
  return undefined;
}
