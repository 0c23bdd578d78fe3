/** Queue and job names shared by the API (producer) and the worker (processor). */
export const RENDER_QUEUE = 'render';
export const RENDER_JOB = 'render-issue';

export interface RenderJobData {
  renditionId: string;
}

/** BullMQ connection options from a redis:// URL (BullMQ takes ioredis options, not URLs). */
export function redisConnectionOptions(redisUrl: string): { host: string; port: number; username?: string; password?: string; db?: number; maxRetriesPerRequest: null } {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:') throw new RangeError(`REDIS_URL must start with redis://, got ${redisUrl}`);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : undefined,
    // Required by BullMQ workers: blocking commands must not be retried by ioredis.
    maxRetriesPerRequest: null,
  };
}

/** Retries with exponential backoff; completed jobs are trimmed, the rendition row is the record. */
export const RENDER_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
} as const;
