import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeKey, type RenditionStorage, type StoredObject } from './rendition-storage';

const TEMPORARY_SUFFIX = '.tmp';

export class LocalDirectoryStorage implements RenditionStorage {
  constructor(private readonly root: string) {}

  async put(key: string, content: Buffer): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write beside the target, then rename: a crash mid-write leaves no partial PDF under the key.
    const temporary = `${target}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`;
    try {
      await writeFile(temporary, content, { flush: true });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await this.removeLeftoverTemporaries(target);
    return { key, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(() => true, () => false);
  }

  /**
   * A worker killed while writing leaves its temporary file behind. The retry writes the same
   * key, so once the object is in place the leftovers of earlier attempts at that key go. (Were
   * another attempt still writing — a worker that lost its lock but lives on — its rename fails
   * and BullMQ discards its result; the object in place is complete either way.)
   */
  private async removeLeftoverTemporaries(target: string): Promise<void> {
    const directory = path.dirname(target);
    const prefix = `${path.basename(target)}.`;
    const names = await readdir(directory).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX))
        .map((name) => unlink(path.join(directory, name)).catch(() => undefined)),
    );
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, key);
  }
}
