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
  /** The database cannot be reached or dropped the connection (stopped, restarting, network): a 503, try again later. */
  | { kind: 'unavailable' };

/** Prisma's codes for a server it cannot reach, a timed-out connection or a connection closed under it. */
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** The pg driver adapter's kinds for the same. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection exception),
 * 57P01–57P03 (shut down by an administrator or a crash, starting up) and 53300 (too many connections).
 */
const UNREACHABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;
/** Errors the pg driver throws itself, which the adapter passes on as they are. */
const NODE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** Whether `error` says the database is out of reach, whichever layer reported it. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = driverCause(error);
    return UNREACHABLE_PRISMA_CODES.has(error.code)
      || (typeof cause?.kind === 'string' && UNREACHABLE_KINDS.has(cause.kind))
      || (typeof cause?.code === 'string' && UNREACHABLE_SQLSTATE.test(cause.code));
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && NODE_SOCKET_CODES.has(code)) || PG_CONNECTION_MESSAGES.test(error.message);
}

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
  if (isUnreachable(error)) return { kind: 'unavailable' };
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = driverCause(error);
  const sqlState = typeof cause?.code === 'string' ? cause.code : undefined;
  // The freeze triggers (migration 20261123100000_freeze_published: frozen publications,
  // append-only audit trail) raise SQLSTATE class ZF with a Chinese message and hint.
  if (sqlState?.startsWith('ZF') && typeof cause?.message === 'string') {
    return { kind: 'refused', message: typeof cause.hint === 'string' ? `${cause.message}${cause.hint}` : cause.message };
  }
  if (error.code === 'P2025') return { kind: 'not_found' };
  if (error.code === 'P2002' || cause?.kind === 'UniqueConstraintViolation' || sqlState === '23505') {
    return { kind: 'unique', fields: strings(cause?.constraint?.fields) ?? strings(error.meta?.target) };
  }
  if (error.code === 'P2003' || cause?.kind === 'ForeignKeyConstraintViolation' || sqlState === '23503') return { kind: 'foreign_key' };
  if (error.code === 'P2034' || cause?.kind === 'TransactionWriteConflict' || sqlState === '40001' || sqlState === '40P01') return { kind: 'write_conflict' };
  return undefined;
}
