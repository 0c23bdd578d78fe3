import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenditionStorage, StoredObject } from './rendition-storage';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export class LocalDirectoryStorage implements RenditionStorage {
  constructor(private readonly root: string) {}

  async put(key: string, content: Buffer): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write beside the target, then rename: a crash mid-write leaves no partial PDF under the key.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, content, { flush: true });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { key, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(() => true, () => false);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.split('/').includes('..')) throw new RangeError(`invalid storage key: ${key}`);
    return path.join(this.root, key);
  }
}
