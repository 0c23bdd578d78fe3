import { hostname } from 'node:os';
import { readStorageConfig, StorageConfigError, type StorageConfig } from '@dsyb/storage';

/** Read once at start-up; nothing else in the worker reads process.env. */
export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; separate prefixes keep stacks sharing one Redis apart (tests). */
  queuePrefix: string;
  storage: StorageConfig;
  /** Jobs rendered at once by this process; each has its own typesetting thread. */
  concurrency: number;
  /** Shown as the job's processedBy in Redis: which process rendered it. */
  workerName: string;
  queue: {
    /**
     * How long a job stays claimed without a lock renewal. Renewals run on the main thread,
     * which the typesetting thread keeps free, so a live worker always renews in time; a dead
     * one's job is free again after this.
     */
    lockDurationMs: number;
    /** How often this process looks for jobs whose worker died (and moves them back to waiting). */
    stalledIntervalMs: number;
    /** Recoveries of one job after its worker died before it is failed (guards against a job that kills its worker). */
    maxStalledCount: number;
  };
  /** A render that takes longer is abandoned (its thread is replaced) and retried. */
  renderTimeoutMs: number;
  /**
   * Test-only (RENDER_TEST_DELAY_MS): pause after each progress step so that end-to-end tests can
   * watch progress and kill a worker mid-render. 0, the default, in any real deployment.
   */
  testDelayMs: number;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export class WorkerConfigError extends Error {}

/**
 * Defaults: a render takes 0.1–3 s, so a 15 s lock (renewed every 7.5 s) is generous, and a
 * crashed worker's job is picked up again within about 20 s (lock expiry + one check).
 */
const DEFAULT_LOCK_DURATION_MS = 15_000;
const DEFAULT_STALLED_INTERVAL_MS = 5_000;
const DEFAULT_MAX_STALLED_COUNT = 2;
const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !env[name]);
  if (missing.length) throw new WorkerConfigError(`缺少环境变量 ${missing.join('、')}`);
  let storage: StorageConfig;
  try {
    storage = readStorageConfig(env);
  } catch (error) {
    if (error instanceof StorageConfigError) throw new WorkerConfigError(error.message);
    throw error;
  }
  const lockDurationMs = integer(env, 'RENDER_LOCK_DURATION_MS', DEFAULT_LOCK_DURATION_MS, 1000);
  return {
    databaseUrl: env.DATABASE_URL!,
    redisUrl: env.REDIS_URL!,
    queuePrefix: env.QUEUE_PREFIX || 'bull',
    storage,
    concurrency: integer(env, 'RENDER_CONCURRENCY', 1, 1),
    workerName: `${hostname()}:${process.pid}`,
    queue: {
      lockDurationMs,
      stalledIntervalMs: integer(env, 'RENDER_STALLED_INTERVAL_MS', DEFAULT_STALLED_INTERVAL_MS, 100),
      maxStalledCount: integer(env, 'RENDER_MAX_STALLED_COUNT', DEFAULT_MAX_STALLED_COUNT, 0),
    },
    renderTimeoutMs: integer(env, 'RENDER_TIMEOUT_MS', DEFAULT_RENDER_TIMEOUT_MS, 1000),
    testDelayMs: integer(env, 'RENDER_TEST_DELAY_MS', 0, 0),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) {
    throw new WorkerConfigError(`环境变量 ${name} 应为不小于 ${minimum} 的整数，实际为 "${raw}"`);
  }
  return value;
}
