export * from './rendition-storage';
export * from './local-directory-storage';
export * from './storage-config';
// Types only: the class is created through createRenditionStorage, which loads the AWS SDK on demand.
export type { S3StorageOptions, S3RenditionStorage } from './s3-storage';
