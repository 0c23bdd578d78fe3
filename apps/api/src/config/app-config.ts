import path from 'node:path';
import { readStorageConfig, StorageConfigError, type StorageConfig } from '@dsyb/storage';

/**
 * Configuration read and validated once at start-up; nothing else reads process.env.
 * `npm start` (scripts/start.mjs) supplies every value for the embedded demo stack.
 */
export interface AppConfig {
  port: number;
  /** API processes sharing the port on this machine (API_PROCESSES, default 1). */
  processes: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; must match the worker's. */
  queuePrefix: string;
  jwtSecret: string;
  tokenTtlSeconds: number;
  /** Where rendered PDFs are kept: a local directory or S3-compatible storage (same as the worker). */
  storage: StorageConfig;
  adminDistDir: string | undefined;
  corsOrigins: string[];
}

export class ConfigError extends Error {}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`缺少环境变量 ${name}`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`环境变量 ${name} 应为正整数，实际为 "${raw}"`);
  return value;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const jwtSecret = required(env, 'JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET 至少需要 32 个字符');
  return {
    port: integer(env, 'PORT', 3000),
    processes: integer(env, 'API_PROCESSES', 1),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: required(env, 'DATABASE_URL'),
    redisUrl: required(env, 'REDIS_URL'),
    queuePrefix: env.QUEUE_PREFIX || 'bull',
    jwtSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600),
    storage: storageConfig(env),
    adminDistDir: env.ADMIN_DIST_DIR ? path.resolve(env.ADMIN_DIST_DIR) : undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function storageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  try {
    return readStorageConfig(env);
  } catch (error) {
    if (error instanceof StorageConfigError) throw new ConfigError(error.message);
    throw error;
  }
}
