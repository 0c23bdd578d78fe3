/**
 * 导入版面, the editor's working copy: the articles the preview found, as the editor ticks,
 * corrects, merges and splits them, and what is sent to POST /api/source-imports. Pure
 * functions (no React, no HTTP), each returning a new list.
 */
import type { ContributorRole, EventDatePrecision } from '@dsyb/contracts';

export interface ImportByline {
  name: string;
  role: ContributorRole;
}

/** One article of POST /api/source-imports/preview's answer. */
export interface PreviewArticle {
  headline: string;
  text: string;
  bylines: ImportByline[];
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision | null;
  /** 0..1; below 1 the notes say why. */
  confidence: number;
  notes: string[];
  /** The first and last page line of the article (0-based, into pageLines). */
  lines: [number, number];
}

/** POST /api/source-imports/preview's answer. */
export interface PreviewResult {
  articles: PreviewArticle[];
  /** Why no article was found (Chinese), when none was. */
  reason: string | null;
  pageLines: string[];
  kind?: string;
  ocr?: unknown;
}

/** What the preview takes besides the text or the file. */
export interface PageOrigin {
  newspaper: string;
  /** YYYY-MM-DD, or '' when unknown. */
  issueDate: string;
  page: string;
}

/** POST /api/source-imports's answer. */
export interface SaveResult {
  created: { id: string; headline: string }[];
  skipped: { headline: string; existingId: string; reason: string }[];
}

export interface SavePayload {
  newspaper: string;
  issueDate?: string;
  page?: string;
  articles: { headline: string; text: string; bylines: ImportByline[] }[];
}

/** An article on the editor's desk: the preview's, plus whether it is to be saved and a key for the screen. */
export interface DraftArticle extends PreviewArticle {
  key: string;
  included: boolean;
}

/** Articles the parser is less sure of than this start unticked. */
export const INCLUDE_THRESHOLD = 0.5;

let nextKey = 0;
const newKey = () => `article-${++nextKey}`;

/** The preview's articles, ticked unless the parser was unsure of them. */
export function draftsFromPreview(articles: readonly PreviewArticle[]): DraftArticle[] {
  return articles.map(article => ({
    ...article,
    bylines: article.bylines.map(byline => ({ ...byline })),
    notes: [...article.notes],
    lines: [article.lines[0], article.lines[1]],
    key: newKey(),
    included: article.confidence >= INCLUDE_THRESHOLD,
  }));
}

/** The paragraphs of an article's text (the preview separates them with a blank line). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(paragraph => paragraph.trim())
    .filter(paragraph => paragraph !== '');
}

const sameByline = (a: ImportByline, b: ImportByline) => a.name.trim() === b.name.trim() && a.role === b.role;

/** Bylines in order, each name-and-role once. */
export function uniqueBylines(bylines: readonly ImportByline[]): ImportByline[] {
  const kept: ImportByline[] = [];
  for (const byline of bylines) if (!kept.some(other => sameByline(other, byline))) kept.push({ ...byline });
  return kept;
}

/**
 * 与下一篇合并: the article at `index` absorbs the one after it. The first's headline, date and
 * tick are kept; the texts are joined with a blank line, the bylines put together without
 * repeats, the page lines cover both, and the confidence is the lower of the two.
 */
export function mergeWithNext(articles: readonly DraftArticle[], index: number): DraftArticle[] {
  const first = articles[index];
  const second = articles[index + 1];
  if (!first || !second) return [...articles];
  const texts = [first.text.trim(), second.text.trim()].filter(text => text !== '');
  const merged: DraftArticle = {
    ...first,
    text: texts.join('\n\n'),
    bylines: uniqueBylines([...first.bylines, ...second.bylines]),
    lines: [Math.min(first.lines[0], second.lines[0]), Math.max(first.lines[1], second.lines[1])],
    confidence: Math.min(first.confidence, second.confidence),
    notes: [...new Set([...first.notes, ...second.notes])],
  };
  return [...articles.slice(0, index), merged, ...articles.slice(index + 2)];
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The page line where `paragraph` starts, between `from` and `to` (inclusive): the line whose
 * words begin the paragraph (a lead's 本报讯 may be on the line but not in the text), or undefined.
 */
export function lineOfParagraph(pageLines: readonly string[], from: number, to: number, paragraph: string): number | undefined {
  const start = compact(paragraph).slice(0, 12);
  if (start === '') return undefined;
  for (let line = Math.max(0, from); line <= Math.min(to, pageLines.length - 1); line++) {
    const text = compact(pageLines[line]);
    if (text === '') continue;
    if (text.includes(start) || (text.length >= 4 && start.startsWith(text.slice(0, Math.min(text.length, start.length))))) return line;
  }
  return undefined;
}

/**
 * 从此行拆分: the article at `index` ends before its paragraph `paragraph` (1 or more), where a
 * new article starts, with an empty headline to fill in and ticked. The new article is given
 * the same bylines (the editor removes what is not theirs); the page lines are divided where
 * the paragraph is found on the page.
 */
export function splitAt(articles: readonly DraftArticle[], index: number, paragraph: number, pageLines: readonly string[] = []): DraftArticle[] {
  const article = articles[index];
  const paragraphs = article ? paragraphsOf(article.text) : [];
  if (!article || paragraph < 1 || paragraph >= paragraphs.length) return [...articles];
  const [from, to] = article.lines;
  const line = lineOfParagraph(pageLines, from + 1, to, paragraphs[paragraph]);
  const head: DraftArticle = {
    ...article,
    text: paragraphs.slice(0, paragraph).join('\n\n'),
    lines: line === undefined ? [from, to] : [from, line - 1],
  };
  const tail: DraftArticle = {
    ...article,
    key: newKey(),
    headline: '',
    text: paragraphs.slice(paragraph).join('\n\n'),
    bylines: article.bylines.map(byline => ({ ...byline })),
    eventDate: null,
    eventDatePrecision: null,
    notes: [...article.notes],
    lines: line === undefined ? [from, to] : [line, to],
    included: true,
  };
  return [...articles.slice(0, index), head, tail, ...articles.slice(index + 1)];
}

/** The article at `index` with `changes` applied. */
export function updateArticle(articles: readonly DraftArticle[], index: number, changes: Partial<Omit<DraftArticle, 'key'>>): DraftArticle[] {
  return articles.map((article, at) => (at === index ? { ...article, ...changes } : article));
}

/** What stops the ticked articles from being saved, as catalogue keys with the article's number (1-based). */
export function problemsOf(articles: readonly DraftArticle[]): { key: 'headline' | 'text' | 'byline_name'; article: number }[] {
  const problems: { key: 'headline' | 'text' | 'byline_name'; article: number }[] = [];
  articles.forEach((article, index) => {
    if (!article.included) return;
    if (article.headline.trim() === '') problems.push({ key: 'headline', article: index + 1 });
    if (article.text.trim() === '') problems.push({ key: 'text', article: index + 1 });
    if (article.bylines.some(byline => byline.name.trim() === '')) problems.push({ key: 'byline_name', article: index + 1 });
  });
  return problems;
}

/** The ticked articles as POST /api/source-imports takes them: trimmed, bylines without blanks or repeats. */
export function savePayload(origin: PageOrigin, articles: readonly DraftArticle[]): SavePayload {
  const payload: SavePayload = {
    newspaper: origin.newspaper.trim(),
    articles: articles
      .filter(article => article.included)
      .map(article => ({
        headline: article.headline.trim(),
        text: article.text.trim(),
        bylines: uniqueBylines(article.bylines.filter(byline => byline.name.trim() !== '').map(byline => ({ name: byline.name.trim(), role: byline.role }))),
      })),
  };
  if (origin.issueDate.trim() !== '') payload.issueDate = origin.issueDate.trim();
  if (origin.page.trim() !== '') payload.page = origin.page.trim();
  return payload;
}

/** The first ~`length` characters of a text, on one line, with … when cut. */
export function excerpt(text: string, length = 120): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const characters = [...flat];
  return characters.length <= length ? flat : `${characters.slice(0, length).join('')}…`;
}

/** The confidence as a whole percentage: 0.55 → "55%". */
export const percent = (confidence: number) => `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
