import type { StorageConfig } from '@dsyb/config';
import { LocalDirectoryStorage } from './local-directory-storage';
import type { RenditionStorage } from './rendition-storage';

/** Which storage the API and the worker use (STORAGE_DRIVER and the S3_* variables, read by libs/config). */
export type { StorageConfig } from '@dsyb/config';

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
