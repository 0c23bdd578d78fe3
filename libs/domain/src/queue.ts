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

/**
 * For a process that adds jobs while someone waits for the answer (the API): while Redis is away a
 * command fails at once instead of waiting in ioredis's offline queue for the outage to end
 * (BullMQ's "failing fast when Redis is down"), and one sent just before the connection dropped
 * fails after the first reconnection attempt. Never for a Worker, whose blocking commands need
 * maxRetriesPerRequest: null.
 */
export function redisProducerOptions(redisUrl: string): Omit<ReturnType<typeof redisConnectionOptions>, 'maxRetriesPerRequest'> & { maxRetriesPerRequest: number; enableOfflineQueue: false } {
  return { ...redisConnectionOptions(redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false };
}

/**
 * Retries with exponential backoff (2 s, 4 s, 8 s: long enough for a restarted database or a
 * full disk to come back, short enough that an editor waiting for a proof still gets it).
 * Completed jobs are trimmed; the rendition row is the record.
 */
export const RENDER_JOB_OPTIONS = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
} as const;

/**
 * One job id per rendition, so that the API, every worker's start-up re-enqueue and a retried
 * request all name the same job and BullMQ refuses the duplicates. (BullMQ ids may not contain ':'.)
 */
export function renderJobId(renditionId: string): string {
  return `render-${renditionId}`;
}

/** The part of a BullMQ Queue that enqueueRender uses (structural, so this lib needs no bullmq). */
export interface RenderQueue {
  getJob(jobId: string): Promise<{ getState(): Promise<string> } | undefined>;
  remove(jobId: string): Promise<number>;
  add(name: typeof RENDER_JOB, data: RenderJobData, opts: typeof RENDER_JOB_OPTIONS & { jobId: string }): Promise<unknown>;
}

/**
 * Puts a rendition on the queue unless its job is already there. Safe to call for a rendition
 * whose job is waiting, delayed for a retry, running or completed: nothing is added. A job that
 * has failed for good is replaced: the rendition row said it must run again (the API re-queues a
 * failed rendition when it is requested again; a worker that died before recording the failure
 * leaves the row pending). Returns whether a job was added.
 */
export async function enqueueRender(queue: RenderQueue, renditionId: string): Promise<boolean> {
  const jobId = renderJobId(renditionId);
  const existing = await queue.getJob(jobId);
  if (existing) {
    // A completed job means the rendition is done (the processor writes the row before it returns).
    if ((await existing.getState()) !== 'failed') return false;
    await queue.remove(jobId);
  }
  // Two callers racing past the check both add; BullMQ keeps the first job with this id.
  await queue.add(RENDER_JOB, { renditionId }, { ...RENDER_JOB_OPTIONS, jobId });
  return true;
}
