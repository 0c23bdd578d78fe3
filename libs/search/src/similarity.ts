import { isWordlike, normalizeForSearch, type Segmenter } from './segmenter';

/**
 * How alike two accounts of an event are, on their segmented words: the office's duplicate
 * check ("has this been recorded already?"). Titles count most, since two reports of one
 * meeting name it the same way; the texts confirm. Scores are 0…1.
 */

/** Words that say nothing about which event a text reports. */
const STOP_WORDS = new Set([
  '的', '了', '和', '与', '及', '在', '是', '对', '等', '为', '将', '并', '由', '中', '上', '下', '也', '有', '就', '把', '被', '以',
  '我区', '我市', '全区', '全市', '工作', '活动', '会议', '进行', '开展', '召开', '举行', '出席', '参加', '一行', '相关', '有关', '同志',
]);

export function contentWords(text: string, segmenter: Segmenter): string[] {
  return segmenter.cut(normalizeForSearch(text)).filter((word) => isWordlike(word) && [...word].length >= 2 && !STOP_WORDS.has(word));
}

/** Dice coefficient of two word sets. */
export function diceSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** Cosine of two texts' word counts. */
export function cosineSimilarity(a: readonly string[], b: readonly string[]): number {
  const count = (words: readonly string[]) => words.reduce((map, word) => map.set(word, (map.get(word) ?? 0) + 1), new Map<string, number>());
  const left = count(a);
  const right = count(b);
  let dot = 0;
  for (const [word, n] of left) dot += n * (right.get(word) ?? 0);
  const norm = (map: Map<string, number>) => Math.sqrt([...map.values()].reduce((sum, n) => sum + n * n, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? 0 : dot / denominator;
}

export interface EventAccount {
  title: string;
  text: string;
}

export interface Similarity {
  score: number;
  titleScore: number;
  textScore: number;
  /** The words both titles (or texts, when the titles share none) have, for showing why. */
  shared: string[];
}

/**
 * Title similarity weighs 0.6, text 0.4; a missing text (a title typed before the body)
 * leaves the title alone to decide.
 */
export function eventSimilarity(a: EventAccount, b: EventAccount, segmenter: Segmenter): Similarity {
  const titleA = contentWords(a.title, segmenter);
  const titleB = contentWords(b.title, segmenter);
  const textA = contentWords(a.text, segmenter);
  const textB = contentWords(b.text, segmenter);
  const title = diceSimilarity(titleA, titleB);
  const hasText = textA.length > 0 && textB.length > 0;
  const text = hasText ? cosineSimilarity(textA, textB) : 0;
  const score = hasText ? 0.6 * title + 0.4 * text : title;
  const sharedTitle = [...new Set(titleA)].filter((word) => titleB.includes(word));
  const shared = sharedTitle.length > 0 ? sharedTitle : [...new Set(textA)].filter((word) => textB.includes(word)).slice(0, 8);
  return { score: Math.round(score * 100) / 100, titleScore: Math.round(title * 100) / 100, textScore: Math.round(text * 100) / 100, shared };
}
