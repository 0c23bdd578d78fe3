import { readFileSync } from 'node:fs';

/**
 * jieba's general dictionary (dict.txt, 5 MB), read from its file each time it is needed. Not
 * through `@node-rs/jieba/dict`, which reads it and the IDF table (6 MB, never used here) when
 * the module loads and keeps both for the life of the process: 11 MB in every thread that loads
 * this library, typesetting or not. jieba builds its own structures from the bytes, so they are
 * garbage once a segmenter is made.
 */
export function readJiebaDictionary(): Buffer {
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
}
