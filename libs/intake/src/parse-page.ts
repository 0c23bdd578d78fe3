/**
 * A newspaper page's text → its articles. Pure: no framework, no I/O.
 *
 * The text comes from a PDF's text layer, a DOCX, OCR or a paste, so it keeps the page's
 * accidents: lines broken inside words where a column ended, headlines that may stand apart
 * from (or after) their article, bylines on lines of their own, page furniture (headers,
 * dates, 版面 names, 责任编辑 lines) and editors' codes such as ②15. The parser works on lines,
 * classifies each, cuts the page where articles start (本报讯, a headline followed by a
 * byline, a markdown heading), and reports per article how sure it is and why.
 */

import { findEventDate, isCalendarDay as validDay } from '@dsyb/workflow';

export type BylineRole = 'reporter' | 'correspondent' | 'photographer' | 'intern';
export interface Byline { name: string; role: BylineRole }
export type EventDatePrecision = 'day' | 'month';

export interface ParsedArticle {
  headline: string;
  text: string;
  bylines: Byline[];
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision | null;
  /** 0…1: how sure the parser is of this article's boundaries, headline and byline. */
  confidence: number;
  /** Why the confidence is below 1, in Chinese, for the editor. */
  notes: string[];
  /** The page lines (0-based, inclusive) the article was read from, for side-by-side display. */
  lines: [number, number];
}

export interface ParsedPage {
  articles: ParsedArticle[];
  /** Set when no article was found: what the editor should know (in Chinese). */
  reason: string | null;
  /** The page's lines as the parser numbered them (the `lines` ranges refer to these). */
  pageLines: string[];
  /** The paper's date printed in the page's header ("YYYY-MM-DD"), when there is one. */
  pageDate: string | null;
}

export interface ParseOptions {
  /** The paper's date, "YYYY-MM-DD": the year (and month) of dates the lead gives without them. */
  issueDate?: string | null;
  /** The paper's name: a line holding only it is page furniture. */
  newspaper?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Lines

type Kind = 'blank' | 'furniture' | 'heading' | 'subheading' | 'byline' | 'start' | 'short' | 'body' | 'continued';

interface Line {
  index: number;
  raw: string;
  /** Without markdown marks, trimmed. */
  text: string;
  kind: Kind;
  /** Markdown heading level (1 for #, 2 for ##…), 0 when none. */
  level: number;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_CHAR = new RegExp(`[${CJK}]`);
const NAME = `[${CJK}][${CJK}·•]{1,5}`;
const ROLE_WORDS = '本报记者|特约记者|见习记者|融媒体记者|记者|特约通讯员|通讯员|实习生|摄影|摄像|图';
const ROLE_OF: Record<string, BylineRole> = {
  本报记者: 'reporter', 特约记者: 'reporter', 见习记者: 'reporter', 融媒体记者: 'reporter', 记者: 'reporter',
  特约通讯员: 'correspondent', 通讯员: 'correspondent', 实习生: 'intern', 摄影: 'photographer', 摄像: 'photographer', 图: 'photographer',
};
/** One byline group: a role word, then names (each maybe with /文, /图), then maybe 文/图 or 摄. */
const NAME_HERE = `(?!(?:${ROLE_WORDS}|文\\s*/|摄))${NAME}`;
const BYLINE_GROUP = `(?:${ROLE_WORDS})[\\s:：]*(?:${NAME_HERE}(?:\\s*/\\s*[文图])?(?:[\\s、，,]+|(?=[)）]|$)))+(?:(?:文\\s*/\\s*图|文图|摄影?|报道|文)(?:\\s+|(?=[)）]|$)))?`;
const BYLINE_LINE = new RegExp(`^(?:${BYLINE_GROUP}\\s*)+$`);
const TRAILING_BYLINE = new RegExp(`[\\s　]+((?:${BYLINE_GROUP}\\s*)+)$`);
const START = /^[□■◎●▲◆\s]*(?:[(（【[]?\s*)?本报讯/;
const START_BYLINE = new RegExp(`^本报讯\\s*[(（]\\s*((?:${BYLINE_GROUP}\\s*)+)\\s*[)）]\\s*`);
/** ①6, ②15: editors' codes at the end of a paragraph. */
const EDITOR_CODE = /\s*[①-⑳]\s*\d{0,3}\s*$/;
const TERMINAL = /[。！？!?…；;]$|[。！？!?…][”’」』）)]$/;

const FURNITURE: RegExp[] = [
  /^(?:责任编辑|责编|本版编辑|编辑|校对|美编|美术编辑|版式|版式设计|组版|审读|值班编委|排版|制作)\s*[:：]?\s*\S{0,20}(?:\s+(?:责任编辑|责编|编辑|校对|美编|版式|组版|审读|排版)\s*[:：]?\s*\S{0,12})*$/,
  /^第?\s*[0-9０-９一二三四五六七八九十]+\s*版(?:\s*\S{0,10})?$/,
  /^\S{0,10}\s*第?\s*[0-9０-９]+\s*版$/,
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\S{0,16})?$/,
  /^(?:星期|周)[一二三四五六日天]$/,
  /^\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}(?:\s*\S{0,16})?$/,
  /^(?:农历|庚子|辛丑|壬寅|癸卯|甲辰|乙巳).{0,16}$/,
  /(?:https?:\/\/|www\.|E-?mail|邮箱[:：]|电话[:：]|邮编|统一连续出版物号|CN\s*\d{2}-\d{4}|国内刊号|广告许可证)/i,
  /^(?:要闻|综合|综合新闻|时政|时政要闻|新闻|专版|副刊|社会|经济|文化|民生|体育|评论|专题|视点|本地新闻|区域新闻|县区新闻|热点)(?:\s*[0-9０-９]+)?$/,
  /^[0-9０-９]+\s*(?:要闻|综合|综合新闻|时政|新闻|专版|副刊|社会|经济|文化|民生|体育|评论|专题)$/,
  /^[-—_=·•.\s|]+$/,
  /^[①-⑳]\s*\d{0,3}$/,
  /^\d{1,3}$/,
];

/** A byline line as written on some pages: "（记者 张三 通讯员 李四）", "□ 本报记者 张三". */
function bylineText(text: string): string {
  return text.replace(/^[□■◎●▲◆\s]+/, '').replace(/^[(（]\s*(.*?)\s*[)）]$/, '$1');
}

function stripMarkdown(raw: string): { text: string; level: number; bold: boolean } {
  let text = raw.replace(/\u00a0|\u3000/g, ' ').trim();
  const heading = /^(#{1,6})\s+(.*)$/.exec(text);
  const level = heading ? heading[1]!.length : 0;
  if (heading) text = heading[2]!;
  if (/^\|.*\|$/.test(text)) text = text.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).filter(Boolean).join(' ');
  const bold = /^\*\*[^*]+\*\*$/.test(text);
  text = text.replace(/\*\*|__/g, '').replace(/\s{2,}/g, ' ').trim();
  return { text, level, bold };
}

function isFurniture(text: string, options: ParseOptions): boolean {
  if (options.newspaper && text.replace(/\s/g, '') === options.newspaper.replace(/\s/g, '')) return true;
  if (options.newspaper && text.startsWith(options.newspaper) && text.length < options.newspaper.length + 30 && !/[。，]/.test(text)) return true;
  return FURNITURE.some((pattern) => pattern.test(text));
}

function classify(raw: string, index: number, options: ParseOptions): Line {
  const { text, level, bold } = stripMarkdown(raw);
  const line = (kind: Kind): Line => ({ index, raw, text, kind, level });
  if (!text) return line('blank');
  if (level === 1) return line('furniture');
  if (level >= 3 || (bold && !START.test(text))) return line('subheading');
  if (START.test(text)) return line('start');
  if (BYLINE_LINE.test(bylineText(text))) return line('byline');
  if (level === 2) return line('heading');
  if (isFurniture(text, options)) return line('furniture');
  if (/^[(（]\s*下转[^)）]{0,12}[)）]$/.test(text)) return line('furniture');
  if (/^[(（]\s*(?:上接|紧接)/.test(text)) return line('continued');
  if (text.length <= 64 && !/[，,。；;！？!?]/.test(text) && !/[：:、]$/.test(text)) return line('short');
  return line('body');
}

// ---------------------------------------------------------------------------------------------
// Bylines

/** "记者 刘华志/文 梁照曾/图", "记者 韩志刚 文/图", "通讯员 张亮 文/图", "记者 刘俊涛 摄" → names with roles, in order. */
export function parseBylines(text: string): Byline[] {
  const result: Byline[] = [];
  const add = (name: string, role: BylineRole) => {
    if (!result.some((byline) => byline.name === name && byline.role === role)) result.push({ name, role });
  };
  const groups = text.match(new RegExp(BYLINE_GROUP, 'g')) ?? [];
  for (const group of groups) {
    const role = new RegExp(`^(${ROLE_WORDS})`).exec(group)![1]!;
    const rest = group.slice(role.length);
    const photoOnly = /(?:^|\s)摄影?\s*$/.test(rest) && !/^摄影$/.test(role);
    const wordAndPicture = /(?:文\s*\/\s*图|文图)\s*$/.test(rest);
    const names = rest.replace(/(?:文\s*\/\s*图|文图|摄影?|报道)\s*$/, '').match(new RegExp(`${NAME_HERE}(?:\\s*/\\s*[文图])?`, 'g')) ?? [];
    for (const token of names) {
      const [name, mark] = token.split(/\s*\/\s*/);
      if (!name || name === '文' || name === '图') continue;
      if (mark === '图') add(name, 'photographer');
      else if (photoOnly) add(name, 'photographer');
      else {
        add(name, ROLE_OF[role]!);
        if (wordAndPicture) add(name, 'photographer');
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Event dates

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

// findEventDate lives in libs/workflow (event-dates.ts): the admin checks event dates with it too.
export { findEventDate };

// ---------------------------------------------------------------------------------------------
// Text

const CJK_OR_PUNCT = new RegExp(`[${CJK}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…·]`);

/** Joins two pieces of one broken line: no space between Chinese characters, one between Latin words. */
function joinBroken(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left.at(-1)!;
  const b = right[0]!;
  if (CJK_OR_PUNCT.test(a) || CJK_OR_PUNCT.test(b)) return left + right;
  if (a === '-' ) return left.slice(0, -1) + right;
  return `${left} ${right}`;
}

/** Paragraphs from body lines: a paragraph that did not end a sentence continues on the next line. */
function paragraphs(lines: Line[]): string[] {
  const result: string[] = [];
  let open = false;
  for (const line of lines) {
    const text = line.text.replace(EDITOR_CODE, '');
    if (!text) continue;
    if (line.kind === 'subheading') {
      result.push(text);
      open = false;
      continue;
    }
    if (open && result.length > 0) result[result.length - 1] = joinBroken(result[result.length - 1]!, text);
    else result.push(text);
    open = !TERMINAL.test(text) && !/[”’」』]$/.test(text);
  }
  return result.map((paragraph) => paragraph.replace(new RegExp(`([${CJK}，。；：、！？”“（）])\\s+(?=[${CJK}，。；：、！？”“（）])`, 'g'), '$1'));
}

// ---------------------------------------------------------------------------------------------
// Segmentation

interface Draft {
  headlineLines: Line[];
  headlineNote: string | null;
  /** Lines from the article's start up to the line before the next article's headline. */
  body: Line[];
  start: Line;
  marker: 'start' | 'heading' | 'byline' | 'continued';
}

function bigrams(text: string): Set<string> {
  const clean = text.replace(new RegExp(`[^${CJK}A-Za-z0-9]`, 'g'), '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i += 1) set.add(clean.slice(i, i + 2));
  return set;
}

/** How much of a headline's wording the article's text shares (0…1). */
function affinity(headline: string, text: string): number {
  const h = bigrams(headline);
  if (h.size === 0) return 0;
  const t = bigrams(text);
  let shared = 0;
  for (const gram of h) if (t.has(gram)) shared += 1;
  return shared / h.size;
}

function headlineText(lines: Line[]): string {
  return lines.map((line) => line.text.replace(EDITOR_CODE, '')).join(' ').replace(/\s+/g, ' ').trim();
}

/** The paper's date in a furniture line of the page (its header or footer). */
function headerDate(lines: Line[]): string | null {
  for (const line of lines) {
    if (line.kind !== 'furniture') continue;
    const match = /(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*(?:月|[.\-/])\s*(\d{1,2})/.exec(line.text);
    if (match && validDay(Number(match[1]), Number(match[2]), Number(match[3]))) return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  }
  return null;
}

/** The headline-like lines at the end of an article's lines (bylines and furniture may follow them). */
function trailingShort(body: Line[]): Line[] {
  const tail: Line[] = [];
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const line = body[i]!;
    if (line.kind === 'short') tail.unshift(line);
    else if (line.kind === 'byline' || line.kind === 'furniture') continue;
    else break;
  }
  return tail;
}

export function parsePage(input: string, options: ParseOptions = {}): ParsedPage {
  const pageLines = input.replace(/\r\n?/g, '\n').replace(/\u200b|\ufeff/g, '').split('\n');
  const lines = pageLines.map((raw, index) => classify(raw, index, options));
  const pageDate = headerDate(lines);
  if (!options.issueDate && pageDate) options = { ...options, issueDate: pageDate };
  // A short line right under (no blank line between) a sentence left open is that sentence's
  // continuation: the column broke it, it is not a headline.
  for (let i = 1; i < lines.length; i += 1) {
    const above = lines[i - 1]!;
    if (lines[i]!.kind === 'short' && (above.kind === 'body' || above.kind === 'start') && !TERMINAL.test(above.text.replace(EDITOR_CODE, ''))) lines[i]!.kind = 'body';
  }
  const content = lines.filter((line) => line.kind !== 'blank');
  const empty = (reason: string): ParsedPage => ({ articles: [], reason, pageLines, pageDate });
  if (content.length === 0) return empty('没有文字：请粘贴一个版面的文字，或上传 PDF、Word 文档或版面图片。');
  const letters = content.map((line) => line.text).join('');
  const cjk = [...letters].filter((char) => CJK_CHAR.test(char)).length;
  if (cjk < 10 || cjk / letters.replace(/\s/g, '').length < 0.3) {
    return empty('这段文字不像中文报纸版面：中文字符太少，未拆分出文章。');
  }
  const useMarkdown = content.some((line) => line.level === 2);

  // Where articles start: 本报讯; a markdown ## heading; a headline followed by a byline line and
  // then text; a headline followed by (上接第一版).
  const starts: { at: number; marker: Draft['marker'] }[] = [];
  for (let i = 0; i < content.length; i += 1) {
    const line = content[i]!;
    if (useMarkdown) {
      if (line.kind === 'heading') starts.push({ at: i, marker: 'heading' });
      else if (line.kind === 'start' && !starts.some((start) => start.at < i && !content.slice(start.at + 1, i).some((between) => between.kind === 'start' || between.kind === 'body'))) {
        starts.push({ at: i, marker: 'start' });
      }
      continue;
    }
    if (line.kind === 'start') starts.push({ at: i, marker: 'start' });
    else if (line.kind === 'byline' && content[i - 1]?.kind === 'short' && (content[i + 1]?.kind === 'body' || content[i + 1]?.kind === 'subheading')) {
      starts.push({ at: i, marker: 'byline' });
    } else if (line.kind === 'continued' && content[i - 1]?.kind === 'short') starts.push({ at: i, marker: 'continued' });
  }
  starts.sort((a, b) => a.at - b.at);
  if (starts.length === 0) return empty('没有找到文章的开头：版面中没有“本报讯”，也没有标题后紧跟署名的文章。请检查文字，或在导入界面手工拆分。');

  // Each article: its start up to the next start; the lines just before a start that look like a
  // headline (short, no sentence end) belong to the article that starts there.
  const drafts: Draft[] = [];
  const claimed = new Set<number>();
  for (let s = 0; s < starts.length; s += 1) {
    const { at, marker } = starts[s]!;
    const end = s + 1 < starts.length ? starts[s + 1]!.at : content.length;
    const headlineLines: Line[] = [];
    if (marker === 'heading') headlineLines.push(content[at]!);
    // Walk back over headline-like lines (not yet part of the previous article's sentence).
    let back = marker === 'heading' ? at - 1 : at - 1;
    const previousStart = s > 0 ? starts[s - 1]!.at : -1;
    const before: Line[] = [];
    while (back > previousStart && !claimed.has(back)) {
      const candidate = content[back]!;
      if (candidate.kind === 'short' || (candidate.kind === 'heading' && marker !== 'heading')) before.unshift(candidate);
      else if (candidate.kind === 'furniture' || (candidate.kind === 'byline' && marker === 'byline' && back === at)) { /* skip */ }
      else break;
      back -= 1;
    }
    for (const line of before) claimed.add(line.index);
    if (marker !== 'heading') headlineLines.push(...before);
    drafts.push({ headlineLines, headlineNote: null, body: content.slice(at + (marker === 'heading' ? 1 : 0), end), start: content[at]!, marker });
  }
  // Lines claimed as the next article's headline leave the previous article's body.
  for (const draft of drafts) draft.body = draft.body.filter((line) => !claimed.has(line.index) || draft.headlineLines.includes(line));
  for (const draft of drafts) draft.body = draft.body.filter((line) => !draft.headlineLines.includes(line));
  const prelude = content.slice(0, starts[0]!.at).filter((line) => !claimed.has(line.index) && line.kind === 'short');

  // Headlines the extraction put after their articles: every headline-like block then sits one
  // article too late (the last one trails the page). Take the reading whose headlines share
  // more wording with their articles.
  const own = (draft: Draft) => draft.body.filter((line) => line.kind === 'body' || line.kind === 'start').map((line) => line.text).join('');
  const lastTail = trailingShort(drafts.at(-1)!.body);
  if (lastTail.length > 0) {
    const shifted = drafts.map((_, d) => (d + 1 < drafts.length ? drafts[d + 1]!.headlineLines : lastTail));
    const score = (headlines: Line[][]) => headlines.reduce((sum, lines, d) => sum + affinity(headlineText(lines), own(drafts[d]!)), 0);
    if (score(shifted) > score(drafts.map((draft) => draft.headlineLines)) + 0.2) {
      drafts.forEach((draft, d) => {
        draft.headlineLines = shifted[d]!;
        draft.headlineNote = '标题在正文之后，已按内容归回本文';
        draft.body = draft.body.filter((line) => !lastTail.includes(line));
      });
    }
  }
  // One headline after its article: a trailing headline-like block at the end of an article
  // with no headline of its own, when its wording matches that article's text.
  for (let d = 0; d < drafts.length; d += 1) {
    const draft = drafts[d]!;
    const tail = trailingShort(draft.body);
    if (tail.length === 0) continue;
    const text = headlineText(tail);
    const next = drafts[d + 1];
    const nextText = next ? own(next) : '';
    if (draft.headlineLines.length === 0 && affinity(text, own(draft)) >= 0.3 && affinity(text, own(draft)) >= affinity(text, nextText)) {
      draft.headlineLines = tail;
      draft.headlineNote = '标题在正文之后，已按内容归回本文';
      draft.body = draft.body.filter((line) => !tail.includes(line));
    } else if (next && next.headlineLines.length === 0 && affinity(text, nextText) >= 0.3) {
      next.headlineLines = tail;
      draft.body = draft.body.filter((line) => !tail.includes(line));
    }
  }
  // A page whose first article has no headline but whose prelude has one that matches it.
  if (drafts[0] && drafts[0].headlineLines.length === 0 && prelude.length > 0) {
    drafts[0].headlineLines = prelude;
    drafts[0].headlineNote = '标题与正文相隔较远，已按位置归回本文';
  }

  const articles = drafts.map((draft) => finish(draft, options, useMarkdown)).filter((article): article is ParsedArticle => article !== null);
  if (articles.length === 0) return empty('版面中的文章都没有正文。');
  return { articles, reason: null, pageLines, pageDate };
}

function finish(draft: Draft, options: ParseOptions, useMarkdown: boolean): ParsedArticle | null {
  const notes: string[] = [];
  let confidence = 1;
  const lower = (factor: number, note: string) => {
    confidence *= factor;
    notes.push(note);
  };
  const bylines: Byline[] = [];
  const bodyLines: Line[] = [];
  // In a markdown page the short lines between the heading and the lead are photo captions.
  let beforeLead = useMarkdown;
  for (const line of draft.body) {
    if (line.kind === 'byline') {
      bylines.push(...parseBylines(bylineText(line.text)));
      continue;
    }
    if (line.kind === 'furniture' || line.kind === 'heading') continue;
    if (beforeLead && line.kind === 'short') continue;
    if (line.kind === 'continued' || (beforeLead && /^[(（]\s*(?:上接|紧接)/.test(line.text))) {
      const rest = line.text.replace(/^[(（]\s*(?:上接|紧接)[^)）]{0,12}[)）]\s*/, '');
      if (draft.marker !== 'continued') lower(0.7, '本文接续其他版面（上接），开头不在本版');
      beforeLead = false;
      if (rest) bodyLines.push({ ...line, text: rest, kind: 'body' });
      continue;
    }
    beforeLead = false;
    if (line.kind === 'start') {
      let text = line.text.replace(/^[□■◎●▲◆\s]*[(（【[]?\s*本报讯\s*[)）】\]]?\s*/, '本报讯');
      const inline = START_BYLINE.exec(text);
      if (inline) {
        bylines.unshift(...parseBylines(inline[1]!));
        text = text.slice(inline[0].length);
      } else text = text.replace(/^本报讯\s*[:：]?\s*/, '');
      bodyLines.push({ ...line, text });
      continue;
    }
    const trailing = TRAILING_BYLINE.exec(line.text.replace(EDITOR_CODE, ''));
    if (trailing && line.kind === 'body') {
      bylines.push(...parseBylines(trailing[1]!));
      bodyLines.push({ ...line, text: line.text.replace(EDITOR_CODE, '').slice(0, trailing.index) });
      continue;
    }
    bodyLines.push(line);
  }
  const unique: Byline[] = [];
  for (const byline of bylines) if (!unique.some((seen) => seen.name === byline.name && seen.role === byline.role)) unique.push(byline);
  const text = paragraphs(bodyLines).join('\n\n');
  if (!text) return null;
  const headline = headlineText(draft.headlineLines);
  if (!headline) lower(0.4, '没有找到标题，请补上');
  else if (draft.headlineNote) lower(0.7, draft.headlineNote);
  if (draft.headlineLines.length > 2) lower(0.8, '标题由多行拼成，请核对');
  if (draft.marker === 'continued') lower(0.7, '本文接续其他版面（上接），开头不在本版');
  if (draft.marker !== 'start' && draft.marker !== 'continued' && !useMarkdown) lower(0.85, '没有“本报讯”，按标题和署名判断为一篇文章');
  if (unique.length === 0) lower(0.9, '没有识别到署名');
  if (text.length < 80) lower(0.8, '正文很短，可能是图片说明');
  const lead = text.split('\n\n')[0] ?? '';
  const date = findEventDate(lead, options.issueDate);
  const first = draft.headlineLines[0]?.index ?? draft.start.index;
  const last = Math.max(...[draft.start, ...draft.body, ...draft.headlineLines].map((line) => line.index));
  return {
    headline,
    text,
    bylines: unique,
    ...date,
    confidence: Math.round(confidence * 100) / 100,
    notes,
    lines: [Math.min(first, draft.start.index), last],
  };
}
