/**
 * 据此起草条目: a newspaper article (来稿) turned into a draft chronicle entry in the style of
 * the monthly issue (seeds/sources/monthly-chronicle-2020-10-no97.txt): the body starts with the
 * date, then says what happened; the title says who did what.
 *
 * The rules, each tested in chronicle-draft.spec.ts:
 *
 * - Text: paragraphs split by blank lines; a paragraph that does not end a sentence was broken by
 *   the page layout and is joined to the next; byline lines (记者 / 通讯员 / 实习生 / 摄影 …) are
 *   dropped; "本报讯" and the like at the start of the lead are dropped.
 * - Punctuation: a half-width comma, colon, semicolon, question or exclamation mark next to a
 *   Chinese character becomes full-width (，：；？！); parentheses next to or around Chinese
 *   become （）.
 * - The lead is rewritten date first. When the date opens a clause ("…成果，9月7日上午，中原区…"),
 *   that clause goes to the front: what came before is dropped when it is a purpose or basis clause
 *   (it starts with 为/为了/按照/根据/围绕/结合/依据/遵照/落实/贯彻/在…之际), and otherwise kept
 *   right after the date. When the date sits inside a clause ("中原区委于9月8日召开…"), it moves to
 *   the front and the subject follows ("9月8日，中原区委召开…"). A lead opening with 近日/日前/近期
 *   says the month instead ("9月，…") and the event date has the precision month; a lead with no
 *   date at all is given one in front.
 * - Body: the whole lead, then following paragraphs while the body stays within ~300 characters;
 *   a paragraph that would go past it is cut at its last sentence end within the limit, or left
 *   out when that leaves under 30 characters. A lead longer than the limit is cut likewise, keeping at least its first sentence.
 * - Title: the headline; of a headline in parts (separated by spaces), the part that states the
 *   event — one with an event verb (召开/开展/举办/视察/调研/出席/开幕 …). When several parts have
 *   one, the one naming a subject (中原区, 区委, 市…, a 街道 …) wins, then the last; with none,
 *   the last part that names a subject, else the whole headline.
 * - Event date: the given one; else the first "X月Y日" of the lead in the year of the paper's
 *   issue date (a month after the paper's month is taken as the year before); else the paper's
 *   month, with precision month (stored as its first day, as the reference issue does).
 */

export type DraftPrecision = 'day' | 'month';

export interface DraftSourceInput {
  headline: string;
  text: string;
  /** The newspaper's date, "YYYY-MM-DD". */
  issueDate: string;
  /** "YYYY-MM-DD", when the editor already knows it. */
  eventDate?: string;
  eventDatePrecision?: DraftPrecision;
}

export interface ChronicleDraft {
  title: string;
  /** The body as plain text, paragraphs separated by blank lines. */
  bodyText: string;
  paragraphs: string[];
  /** "YYYY-MM-DD"; the first of the month when the precision is month. */
  eventDate: string;
  eventDatePrecision: DraftPrecision;
}

/** The body's target length in characters (the lead is always kept whole up to it). */
export const DRAFT_BODY_LIMIT = 300;

/** A paragraph cut to fit is kept only when at least this long. */
const MIN_TAIL = 30;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_OR_MARK = `${CJK}\\u3000-\\u303f\\uff00-\\uffef“”‘’`;
const SENTENCE_END = /[。！？；…][”’）]*$|[。！？][”’」』）]*$/;
const BYLINE = /^(?:本报)?(?:记者|通讯员|实习生|摄影|摄影记者|特约记者|见习记者|文\/图|图\/文|编辑|责任编辑)[\s：:]/;
const LEAD_MARK = /^(?:本报讯|本报消息|讯)\s*(?:[（(][^）)]*[）)])?\s*[，,：:]?\s*/;
const DAY_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:(?:上午|下午|晚上|晚间|晚|早上|清晨|中午|凌晨|傍晚|夜间)(?:\d{1,2}时(?:\d{1,2}分)?)?)?/;
const RECENTLY = /^(?:近日|日前|近期|最近)[，,]?/;
const PURPOSE = /^(?:为了?|按照|根据|围绕|结合|依据|遵照|落实|贯彻|在.{0,30}(?:之际|期间|前夕|之时))/;
const EVENT_VERB = /召开|开展|举办|举行|视察|调研|出席|开幕|启动|揭牌|召集|组织|督导|督查|检查|考察|慰问|签约|开工|开园|座谈|走访|观摩|参观|部署|发放|颁发|表彰|培训|巡河|宣讲|竣工|成立|签署|会见|主持/;
const SUBJECT = /^(?:中原区|中原|郑州|河南|省|市|区|县)|区委|区政府|区政协|区人大|区纪委|街道|办事处|委员会|局|中心/;

const fullWidth: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/** Half-width punctuation between Chinese to full-width; spaces between Chinese dropped. */
export function chinesePunctuation(text: string): string {
  const nearChinese = new RegExp(`(?<=[${CJK_OR_MARK}])\\s*([,:;?!])\\s*|\\s*([,:;?!])\\s*(?=[${CJK_OR_MARK}])`, 'g');
  let result = text.replace(nearChinese, (_whole, before?: string, after?: string) => fullWidth[(before ?? after)!]!);
  result = result.replace(/\(([^()]*)\)/g, (whole, inner: string, offset: number, all: string) => {
    const around = `${all[offset - 1] ?? ''}${inner}${all[offset + whole.length] ?? ''}`;
    return new RegExp(`[${CJK_OR_MARK}]`).test(around) ? `（${inner}）` : whole;
  });
  return result.replace(new RegExp(`(?<=[${CJK_OR_MARK}]) +(?=[${CJK_OR_MARK}])`, 'g'), '');
}

/** The article's paragraphs: page breaks inside a sentence joined again, bylines dropped. */
export function articleParagraphs(text: string, headline = ''): string[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  const headlineParts = new Set(headlineSegments(headline));
  const paragraphs: string[] = [];
  let open = false;
  for (const block of blocks) {
    if (BYLINE.test(block) || headlineParts.has(block) || block === headline.trim()) continue;
    if (open && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += block;
    else paragraphs.push(block);
    open = !SENTENCE_END.test(block);
  }
  return paragraphs.map(chinesePunctuation);
}

/** A headline's parts: split at spaces that stand between words (not inside "2020 年"). */
function headlineSegments(headline: string): string[] {
  return headline
    .trim()
    .split(/(?<![0-9A-Za-z])\s+(?![0-9A-Za-z])/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The part of the headline that states the event (see the rules above). */
export function chronicleTitle(headline: string): string {
  const parts = headlineSegments(headline).map(chinesePunctuation);
  if (parts.length <= 1) return chinesePunctuation(headline.trim());
  const withVerb = parts.filter((part) => EVENT_VERB.test(part));
  const withSubject = (list: string[]) => list.filter((part) => SUBJECT.test(part));
  const pick = withSubject(withVerb).at(-1) ?? withVerb.at(-1) ?? withSubject(parts).at(-1);
  return pick ?? parts.join(' ');
}

interface FoundDate {
  text: string;
  month: number;
  day: number;
  year?: number;
  index: number;
}

function findDayDate(text: string): FoundDate | undefined {
  const match = DAY_DATE.exec(text);
  if (!match) return undefined;
  return { text: match[0], year: match[1] ? Number(match[1]) : undefined, month: Number(match[2]), day: Number(match[3]), index: match.index };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The lead, date first (see the rules above). */
function dateFirstLead(lead: string, date: FoundDate | undefined, monthLabel: string): string {
  const opening = lead.replace(LEAD_MARK, '').trim();
  if (RECENTLY.test(opening)) return `${monthLabel}，${opening.replace(RECENTLY, '').replace(/^，/, '')}`;
  if (!date) return `${monthLabel}，${opening}`;
  const found = date;
  const firstSentenceEnd = opening.search(/[。！？]/);
  if (firstSentenceEnd >= 0 && found.index > firstSentenceEnd) return `${monthLabel}，${opening}`;
  const before = opening.slice(0, found.index);
  const after = opening.slice(found.index + found.text.length).replace(/^[，,\s]+/, '');
  if (before === '') return `${found.text}，${after}`;
  if (/[，,：]\s*$/.test(before)) {
    const prefix = before.replace(/[，,：\s]+$/, '');
    return PURPOSE.test(prefix) ? `${found.text}，${after}` : `${found.text}，${prefix}，${after}`;
  }
  // The date inside the subject's clause: "中原区委于9月8日召开…" → "9月8日，中原区委召开…".
  const subject = before.replace(/(?:于|在|是在)\s*$/, '');
  const clauseStart = Math.max(subject.lastIndexOf('，'), -1) + 1;
  const purpose = subject.slice(0, clauseStart).replace(/[，\s]+$/, '');
  const ownSubject = subject.slice(clauseStart);
  const kept = purpose && !PURPOSE.test(purpose) ? `${purpose}，` : '';
  return `${found.text}，${kept}${ownSubject}${after}`;
}

/** Cut text at its last sentence end within the limit; '' when there is none. */
function cutAtSentence(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const ends = [...head.matchAll(/[。！？][”’）]*/g)];
  const last = ends.at(-1);
  return last ? head.slice(0, last.index! + last[0].length) : '';
}

export function draftFromSource(input: DraftSourceInput): ChronicleDraft {
  const paragraphs = articleParagraphs(input.text, input.headline);
  const [issueYear, issueMonth] = input.issueDate.split('-').map(Number) as [number, number];
  const lead = (paragraphs[0] ?? '').replace(LEAD_MARK, '').trim();
  const found = RECENTLY.test(lead) ? undefined : findDayDate(lead);

  let eventDate: string;
  let precision: DraftPrecision;
  if (input.eventDate) {
    eventDate = input.eventDate;
    precision = input.eventDatePrecision ?? 'day';
  } else if (found) {
    const year = found.year ?? (found.month > issueMonth ? issueYear - 1 : issueYear);
    eventDate = `${year}-${pad(found.month)}-${pad(found.day)}`;
    precision = 'day';
  } else {
    eventDate = `${issueYear}-${pad(issueMonth)}-01`;
    precision = 'month';
  }
  if (precision === 'month') eventDate = `${eventDate.slice(0, 7)}-01`;
  const [, eventMonth, eventDay] = eventDate.split('-').map(Number) as [number, number, number];
  const dateLabel = precision === 'month' ? `${eventMonth}月` : `${eventMonth}月${eventDay}日`;

  const body: string[] = [];
  if (lead) {
    const rewritten = dateFirstLead(lead, found, dateLabel);
    const firstSentence = cutAtSentence(rewritten, rewritten.search(/[。！？]/) + 1) || rewritten;
    body.push(cutAtSentence(rewritten, DRAFT_BODY_LIMIT) || firstSentence);
  }
  let length = body.join('').length;
  for (const paragraph of paragraphs.slice(1)) {
    if (length >= DRAFT_BODY_LIMIT) break;
    const piece = cutAtSentence(paragraph, DRAFT_BODY_LIMIT - length);
    // A scrap of a sentence or two at the end says little: the body ends before it.
    if (!piece || (piece !== paragraph && piece.length < MIN_TAIL)) break;
    body.push(piece);
    length += piece.length;
    if (piece !== paragraph) break;
  }
  return { title: chronicleTitle(input.headline), bodyText: body.join('\n\n'), paragraphs: body, eventDate, eventDatePrecision: precision };
}
