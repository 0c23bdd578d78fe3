import { LocalDirectoryStorage } from './local-directory-storage';
import { createRenditionStorage, describeStorage, type StorageConfig } from './storage-config';

it('keeps renditions in a local directory', () => {
  const config: StorageConfig = { driver: 'local', directory: '/srv/renditions' };
  expect(createRenditionStorage(config)).toBeInstanceOf(LocalDirectoryStorage);
  expect(describeStorage(config)).toBe('本地目录 /srv/renditions');
});

it('keeps renditions in an S3-compatible bucket, described without credentials', () => {
  const config: StorageConfig = {
    driver: 's3',
    bucket: 'dsyb',
    prefix: 'renditions/',
    endpoint: 'https://minio.internal:9000',
    region: 'cn-north-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    forcePathStyle: true,
  };
  expect(describeStorage(config)).toBe('S3 存储桶 dsyb/renditions（https://minio.internal:9000）');
  expect(createRenditionStorage(config).constructor.name).toBe('S3RenditionStorage');
});
