import type { EntrySnapshot, IssueSnapshot, SectionSnapshot } from '@dsyb/domain';

/** A small made-up issue; tests override what they need. */
export function sampleIssue(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    issueId: 'issue-2021-03',
    year: 2021,
    month: 3,
    serialNumber: 102,
    compiler: '二七区地方史志办公室',
    publicationDate: '2021-03-12',
    masthead: {
      publicationTitle: '二七区大事月报',
      notice: '(内部资料 注意保存)',
      sponsor: '二七区人民政府',
      publisher: '二七区地方史志办公室',
      phone: '0371-68123456',
      email: 'eqqszb@example.cn',
    },
    sections: [],
    recipients: ['区委常委', '区政府各部门', '各街道办事处'],
    kind: 'final',
    renderedAt: '2021-03-10T02:05:00Z',
    ...overrides,
  };
}

export function section(key: string, name: string, entries: EntrySnapshot[]): SectionSnapshot {
  return { key, name, entries };
}

export function entry(id: string, title: string, paragraphs: string[]): EntrySnapshot {
  return { id, title, paragraphs };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so failures can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII_PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const CJK_AND_PUNCTUATION = '中原区大事月报年月日史志办公室街道社区召开会议，。、；：？！“”‘’（）《》【】—…·「」';

/** Random strings mixing ASCII punctuation (every printable ASCII character) and Chinese. */
export function randomStrings(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const alphabet = [...(ASCII_PRINTABLE + CJK_AND_PUNCTUATION)];
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(random() * 40);
    let s = '';
    while (s.trim() === '' || [...s].length < length) s += alphabet[Math.floor(random() * alphabet.length)];
    return s;
  });
}
