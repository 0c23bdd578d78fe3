import path from 'node:path';
import { LocalDirectoryStorage } from './local-directory-storage';
import type { RenditionStorage } from './rendition-storage';
import type { S3StorageOptions } from './s3-storage';

/** Which storage the API and the worker use; both must be given the same. */
export type StorageConfig = { driver: 'local'; directory: string } | ({ driver: 's3' } & S3StorageOptions);

export class StorageConfigError extends Error {}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the storage settings from the environment given (the apps' config loaders pass theirs,
 * once, at start-up):
 *
 * - `STORAGE_DRIVER`: `local` (default) or `s3`
 * - local: `STORAGE_DIR` (default `.data/renditions`)
 * - s3: `S3_BUCKET` (required), `S3_PREFIX`, `S3_ENDPOINT`, `S3_REGION` (default `us-east-1`),
 *   `S3_ACCESS_KEY_ID` + `S3_SECRET_ACCESS_KEY` (+ `S3_SESSION_TOKEN`), `S3_FORCE_PATH_STYLE`
 *   (`true`/`false`; default `true` when `S3_ENDPOINT` is set, as self-hosted services expect)
 */
export function readStorageConfig(env: Environment): StorageConfig {
  const driver = env.STORAGE_DRIVER || 'local';
  if (driver === 'local') return { driver, directory: path.resolve(env.STORAGE_DIR || '.data/renditions') };
  if (driver !== 's3') throw new StorageConfigError(`STORAGE_DRIVER 应为 local 或 s3，实际为 "${driver}"`);

  const bucket = env.S3_BUCKET;
  if (!bucket) throw new StorageConfigError('STORAGE_DRIVER=s3 时必须设置 S3_BUCKET');
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new StorageConfigError(`S3_ENDPOINT 应为 http:// 或 https:// 开头的地址，实际为 "${endpoint}"`);
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new StorageConfigError('S3_ACCESS_KEY_ID 与 S3_SECRET_ACCESS_KEY 须同时设置');
  }
  return {
    driver,
    bucket,
    prefix: env.S3_PREFIX ?? '',
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken: env.S3_SESSION_TOKEN || undefined } : undefined,
    forcePathStyle: booleanSetting(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}

export function createRenditionStorage(config: StorageConfig): RenditionStorage {
  if (config.driver === 'local') return new LocalDirectoryStorage(config.directory);
  // Loaded only when configured: the AWS SDK adds ~0.1 s and ~20 MB to every process that loads it.
  const { S3RenditionStorage } = require('./s3-storage') as typeof import('./s3-storage');
  const { driver: _driver, ...options } = config;
  return new S3RenditionStorage(options);
}

/** Where renditions are kept, for start-up logs (no credentials). */
export function describeStorage(config: StorageConfig): string {
  if (config.driver === 'local') return `本地目录 ${config.directory}`;
  return `S3 存储桶 ${config.bucket}${config.prefix ? `/${config.prefix.replace(/^\/+|\/+$/g, '')}` : ''}${config.endpoint ? `（${config.endpoint}）` : ''}`;
}

function booleanSetting(env: Environment, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new StorageConfigError(`环境变量 ${name} 应为 true 或 false，实际为 "${raw}"`);
}
