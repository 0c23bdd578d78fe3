/**
 * Errors services throw; HttpErrorFilter maps them to HTTP in one place. Messages are
 * written for the person who sees them, in Chinese.
 */
export type DomainErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated' | 'gone' | 'too_many' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Sent as Retry-After (seconds): when trying again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what}不存在：${id}`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('conflict', message, details);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('invalid', message, details);
/** 410: what was there is no more (an expired or revoked link). */
export const gone = (message: string) => new DomainError('gone', message);
/** 429: too many requests from one address; `retryAfterSeconds` says when the next one is let through. */
export const tooMany = (message: string, retryAfterSeconds?: number) => new DomainError('too_many', message, undefined, retryAfterSeconds);
/** 503: a service the request needs (Redis, PostgreSQL) does not answer; trying again later can succeed. */
export const unavailable = (message: string) => new DomainError('unavailable', message, undefined, 5);
