import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StorageSettings } from '@dsyb/config';
import { assertSafeKey, type RenditionStorage, type StoredObject } from './rendition-storage';

/** The bucket settings, as read from the S3_* variables by libs/config. */
export type S3StorageOptions = S3StorageSettings;

/**
 * Renditions as objects in an S3-compatible bucket. A PutObject is atomic by itself (the object
 * appears only once the whole body has arrived; an interrupted upload leaves nothing), so there
 * is no temporary object to rename.
 */
export class S3RenditionStorage implements RenditionStorage {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3StorageOptions, client?: S3Client) {
    this.prefix = normalisePrefix(options.prefix);
    this.client =
      client ??
      new S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
        credentials: options.credentials,
        // The SDK's default adds CRC32 trailers in aws-chunked uploads, which several
        // S3-compatible servers reject; Content-MD5 below protects the body on every server.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  async put(key: string, content: Buffer): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(key),
        Body: content,
        ContentLength: content.length,
        ContentType: 'application/pdf',
        // The server refuses a body that does not match: a truncated upload never becomes the object.
        ContentMD5: createHash('md5').update(content).digest('base64'),
        Metadata: { sha256 },
      }),
    );
    return { key, bytes: content.length, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
    if (!response.Body) throw new Error(`S3 returned no body for ${this.objectKey(key)}`);
    return Buffer.from(await response.Body.transformToByteArray());
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
      throw error;
    }
  }

  /** Closes the client's sockets (for tests and orderly shutdown). */
  destroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertSafeKey(key);
    return `${this.prefix}${key}`;
  }
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  assertSafeKey(trimmed);
  return `${trimmed}/`;
}
