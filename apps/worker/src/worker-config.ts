import path from 'node:path';

/** Read once at start-up; nothing else in the worker reads process.env. */
export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; separate prefixes keep stacks sharing one Redis apart (tests). */
  queuePrefix: string;
  storageDir: string;
  concurrency: number;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`缺少环境变量 ${missing.join('、')}`);
  const concurrency = Number(env.RENDER_CONCURRENCY ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`RENDER_CONCURRENCY 应为正整数，实际为 "${env.RENDER_CONCURRENCY}"`);
  return {
    databaseUrl: env.DATABASE_URL!,
    redisUrl: env.REDIS_URL!,
    queuePrefix: env.QUEUE_PREFIX || 'bull',
    storageDir: path.resolve(env.STORAGE_DIR ?? '.data/renditions'),
    concurrency,
  };
}
