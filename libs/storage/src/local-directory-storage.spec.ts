import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalDirectoryStorage } from './local-directory-storage';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dsyb-storage-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pdf = Buffer.from('%PDF-1.7 a whole issue');

it('stores a rendition under its key with its size and checksum, and reads it back', async () => {
  const storage = new LocalDirectoryStorage(root);
  const stored = await storage.put('issues/a/b.pdf', pdf);
  expect(stored).toEqual({ key: 'issues/a/b.pdf', bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
  expect(await storage.get('issues/a/b.pdf')).toEqual(pdf);
  expect(await storage.exists('issues/a/b.pdf')).toBe(true);
  expect(await storage.exists('issues/a/c.pdf')).toBe(false);
  expect(readdirSync(path.join(root, 'issues/a'))).toEqual(['b.pdf']);
});

it('replaces an object whole, and clears what a writer killed mid-write left for that key', async () => {
  const storage = new LocalDirectoryStorage(root);
  mkdirSync(path.join(root, 'issues/a'), { recursive: true });
  // What a worker killed between writing and renaming leaves behind, for this key and another.
  writeFileSync(path.join(root, 'issues/a/b.pdf.0123456789ab.tmp'), '%PDF-1.7 half of');
  writeFileSync(path.join(root, 'issues/a/other.pdf.0123456789ab.tmp'), '%PDF-1.7 half of');
  await storage.put('issues/a/b.pdf', Buffer.from('%PDF-1.7 first'));
  await storage.put('issues/a/b.pdf', pdf);
  expect(await storage.get('issues/a/b.pdf')).toEqual(pdf);
  expect(readdirSync(path.join(root, 'issues/a')).sort()).toEqual(['b.pdf', 'other.pdf.0123456789ab.tmp']);
});

it.each(['../outside.pdf', 'issues/../../outside.pdf', '/etc/passwd', 'issues//b.pdf', 'issues/./b.pdf', ''])('refuses the key %j', async (key) => {
  const storage = new LocalDirectoryStorage(root);
  await expect(storage.put(key, pdf)).rejects.toThrow(RangeError);
  await expect(storage.get(key)).rejects.toThrow(RangeError);
});
