import { unavailable } from './domain-errors';

/**
 * How long a request waits for the task queue (Redis). The queues' connection refuses commands at
 * once while Redis is away (enableOfflineQueue: false, app.module.ts); this bound is for a Redis
 * that is connected but does not answer (stopped, overloaded, a network that drops packets).
 */
export const QUEUE_TIMEOUT_MS = 3000;

export const QUEUE_UNAVAILABLE = '任务队列暂时不可用，请稍后再试';

/** `promise`, or a rejection once `timeoutMs` has passed without it settling. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message = `${timeoutMs / 1000} 秒内没有应答`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One call to the task queue (add, addBulk, getJob…) from a request: its result, or, when Redis
 * does not take it within QUEUE_TIMEOUT_MS, a 503 saying the queue is unavailable — never a
 * request left hanging for the length of an outage. The record the job stands for is already in
 * PostgreSQL whenever a caller gets here, and the worker queues pending records again on its own
 * every half minute (apps/worker/src/recovery.ts): `recorded` tells the person what was kept and
 * that nothing needs to be sent again.
 */
export async function queueCall<T>(call: () => Promise<T>, options: { recorded?: string; details?: Record<string, unknown>; timeoutMs?: number } = {}): Promise<T> {
  try {
    return await withTimeout(call(), options.timeoutMs ?? QUEUE_TIMEOUT_MS, `Redis 在 ${(options.timeoutMs ?? QUEUE_TIMEOUT_MS) / 1000} 秒内没有应答`);
  } catch (error) {
    const failure = unavailable(options.recorded ? `任务队列暂时不可用：${options.recorded}` : `${QUEUE_UNAVAILABLE}。`, options.details);
    // Redis's own words, for the log (HttpErrorFilter), never for the answer.
    failure.cause = error;
    throw failure;
  }
}
