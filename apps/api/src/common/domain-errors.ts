/**
 * Errors services throw; HttpErrorFilter maps them to HTTP in one place. Messages are
 * written for the person who sees them, in Chinese.
 */
export type DomainErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what}不存在：${id}`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('conflict', message, details);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('invalid', message, details);
