import { Prisma } from '@dsyb/db';

/**
 * The database's own integrity triggers (migration 20261123100000_freeze_published: frozen
 * publications, append-only audit trail) raise SQLSTATE class ZF with a message written for
 * the user. Returns that message (with its hint) so HttpErrorFilter can answer 409 with it,
 * whatever route reached the trigger; undefined for any other error.
 */
export function databaseRefusal(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta as { driverAdapterError?: { cause?: { code?: unknown; message?: unknown; hint?: unknown } } } | undefined)
    ?.driverAdapterError?.cause;
  if (typeof cause?.code !== 'string' || !cause.code.startsWith('ZF') || typeof cause.message !== 'string') return undefined;
  return typeof cause.hint === 'string' ? `${cause.message}${cause.hint}` : cause.message;
}
