import path from 'node:path';
import { LocalDirectoryStorage } from './local-directory-storage';
import { createRenditionStorage, describeStorage, readStorageConfig } from './storage-config';

it('keeps renditions in a local directory unless told otherwise', () => {
  expect(readStorageConfig({})).toEqual({ driver: 'local', directory: path.resolve('.data/renditions') });
  expect(readStorageConfig({ STORAGE_DIR: '/srv/renditions' })).toEqual({ driver: 'local', directory: '/srv/renditions' });
  expect(createRenditionStorage(readStorageConfig({}))).toBeInstanceOf(LocalDirectoryStorage);
});

it('reads an S3-compatible bucket from the S3_* variables', () => {
  const config = readStorageConfig({
    STORAGE_DRIVER: 's3',
    S3_BUCKET: 'dsyb',
    S3_PREFIX: 'renditions/',
    S3_ENDPOINT: 'https://minio.internal:9000',
    S3_REGION: 'cn-north-1',
    S3_ACCESS_KEY_ID: 'AKID',
    S3_SECRET_ACCESS_KEY: 'secret',
  });
  expect(config).toEqual({
    driver: 's3',
    bucket: 'dsyb',
    prefix: 'renditions/',
    endpoint: 'https://minio.internal:9000',
    region: 'cn-north-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: undefined },
    forcePathStyle: true,
  });
  expect(describeStorage(config)).toBe('S3 存储桶 dsyb/renditions（https://minio.internal:9000）');
  expect(createRenditionStorage(config).constructor.name).toBe('S3RenditionStorage');
});

it('uses AWS defaults for AWS itself: virtual-host addressing and the SDK’s own credentials', () => {
  expect(readStorageConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'dsyb' })).toMatchObject({ region: 'us-east-1', endpoint: undefined, credentials: undefined, forcePathStyle: false });
  expect(readStorageConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'dsyb', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({ forcePathStyle: true });
});

it('refuses incomplete or malformed settings, naming the variable', () => {
  expect(() => readStorageConfig({ STORAGE_DRIVER: 'ftp' })).toThrow('STORAGE_DRIVER 应为 local 或 s3，实际为 "ftp"');
  expect(() => readStorageConfig({ STORAGE_DRIVER: 's3' })).toThrow('S3_BUCKET');
  expect(() => readStorageConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ENDPOINT');
  expect(() => readStorageConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'AKID' })).toThrow('S3_SECRET_ACCESS_KEY');
  expect(() => readStorageConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' })).toThrow('S3_FORCE_PATH_STYLE');
});
