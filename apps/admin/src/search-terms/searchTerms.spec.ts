import { describe, expect, it } from '@jest/globals';
import { reindexedCount, searchTermWordError } from './searchTerms';

describe('a word of the district dictionary', () => {
  it('may be 2 to 30 characters without spaces', () => {
    expect(searchTermWordError('芝麻街双创园')).toBeUndefined();
    expect(searchTermWordError('徐立毅')).toBeUndefined();
    expect(searchTermWordError('中原')).toBeUndefined();
    expect(searchTermWordError('字'.repeat(30))).toBeUndefined();
    // Surrounding spaces are trimmed when saved.
    expect(searchTermWordError('  中原区  ')).toBeUndefined();
  });

  it('is refused when shorter than 2 or longer than 30 characters, counting characters not code units', () => {
    expect(searchTermWordError('园')).toBe('app.search_terms.word_length');
    expect(searchTermWordError('字'.repeat(31))).toBe('app.search_terms.word_length');
    // 𠀀 is one character (two UTF-16 units): alone it is too short.
    expect(searchTermWordError('𠀀')).toBe('app.search_terms.word_length');
    expect(searchTermWordError('𠀀'.repeat(30))).toBeUndefined();
  });

  it('is refused with spaces inside, of any kind', () => {
    expect(searchTermWordError('芝麻街 双创园')).toBe('app.search_terms.word_spaces');
    expect(searchTermWordError('芝麻街\u3000双创园')).toBe('app.search_terms.word_spaces');
    expect(searchTermWordError('芝麻街\t双创园')).toBe('app.search_terms.word_spaces');
  });

  it('leaves an empty word to the required check', () => {
    expect(searchTermWordError('')).toBeUndefined();
    expect(searchTermWordError(undefined)).toBeUndefined();
  });
});

describe('the number of documents segmented again', () => {
  it("is read from the write's answer", () => {
    expect(reindexedCount({ id: 'x', reindexed: 3 })).toBe(3);
    expect(reindexedCount({ id: 'x', reindexed: 0 })).toBe(0);
  });

  it('is 0 when the answer does not say', () => {
    expect(reindexedCount({ id: 'x' })).toBe(0);
    expect(reindexedCount({ reindexed: '3' })).toBe(0);
    expect(reindexedCount(undefined)).toBe(0);
  });
});
