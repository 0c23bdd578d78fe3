/**
 * Reading order for the text items of a PDF page (what pdf.js's getTextContent gives: a string
 * with its baseline position, width and font size). A newspaper page is set in columns, often
 * under a headline across them; the order the items were drawn in is whatever the producer
 * chose, so the order is rebuilt from positions alone:
 *
 * - a column gap is an x range that (almost) no text crosses, over most of the height of the
 *   text around it; text is emitted column by column, left to right;
 * - a headline across the gap splits the page into bands above and below it, each read on its
 *   own (its columns may differ from the others');
 * - with no column gap, text is cut at wide horizontal white space (blocks), and finally read
 *   line by line, top to bottom;
 * - items on one line are joined left to right, with a space where there is a gap, except
 *   between two CJK characters (Chinese is written without spaces).
 *
 * Lines of a paragraph stay separate lines (a newline where the line was broken); a blank line
 * marks vertical white space of more than ~1.5 lines (a paragraph or article break).
 */

export interface PositionedText {
  text: string;
  /** Start of the baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (height of the text), in PDF units. */
  size: number;
}

interface Box extends PositionedText {
  left: number;
  right: number;
  /** Vertical extent, y upwards: from below the baseline (descenders) to the top of the glyphs. */
  bottom: number;
  top: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

/** A run of lines read in order: a column, a band's column, or a block. */
type Leaf = Line[];

const MAX_DEPTH = 40;

/** The page's text in reading order; '' when there is none. */
export function orderTextItems(items: ReadonlyArray<PositionedText>): string {
  const boxes: Box[] = items
    .filter((item) => item.text.trim() !== '' && Number.isFinite(item.x) && Number.isFinite(item.y))
    .map((item) => {
      const size = item.size > 0 ? item.size : 1;
      const width = Math.max(0, item.width);
      return { ...item, size, width, left: item.x, right: item.x + width, bottom: item.y - 0.2 * size, top: item.y + 0.8 * size };
    });
  return emit(layout(boxes, 0));
}

/* ---------- cutting the page ---------- */

function layout(boxes: Box[], depth: number): Leaf[] {
  if (boxes.length === 0) return [];
  if (boxes.length === 1 || depth > MAX_DEPTH) return [lines(boxes)];

  const gaps = columnGaps(boxes);
  if (gaps.length > 0) {
    const clean = gaps.filter((gap) => !boxes.some((box) => overlaps(box, gap)));
    if (clean.length > 0) return splitAtGaps(boxes, clean).flatMap((strip) => layout(strip, depth + 1));
    const bands = bandsAroundSpanners(boxes, gaps);
    if (bands.length > 1) return bands.flatMap((band) => layout(band, depth + 1));
  }
  const blocks = horizontalBlocks(boxes);
  if (blocks.length > 1) return blocks.flatMap((block) => layout(block, depth + 1));
  return [lines(boxes)];
}

interface Gap {
  start: number;
  end: number;
}

const overlaps = (box: Box, gap: Gap): boolean => box.right > gap.start && box.left < gap.end;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
};

/**
 * X ranges inside the text where the height of the text crossing them is at most a quarter of
 * what a well-filled x position has: column gaps, possibly crossed by a headline or two (each
 * gap is the emptiest part of such a range, so a ragged line end beside it does not count). At
 * least ~0.8 of a character wide (wider than a word space), and only where there are at least
 * two rows of text (one line's word gaps are not columns).
 */
function columnGaps(boxes: Box[]): Gap[] {
  const size = median(boxes.map((box) => box.size));
  const top = Math.max(...boxes.map((box) => box.top));
  const bottom = Math.min(...boxes.map((box) => box.bottom));
  if (top - bottom < 2.2 * size) return [];

  const left = Math.min(...boxes.map((box) => box.left));
  const right = Math.max(...boxes.map((box) => box.right));
  const step = Math.max(size / 8, (right - left) / 4000);
  const bins = Math.ceil((right - left) / step);
  if (bins < 3) return [];
  const covered = new Float64Array(bins);
  for (const box of boxes) {
    const from = Math.max(0, Math.floor((box.left - left) / step));
    const to = Math.min(bins, Math.ceil((box.right - left) / step));
    for (let bin = from; bin < to; bin++) covered[bin] += box.top - box.bottom;
  }
  const wellFilled = [...covered].sort((a, b) => a - b)[Math.floor(bins * 0.9)];
  const sparse = wellFilled / 4;
  const minWidth = 0.8 * size;

  const gaps: Gap[] = [];
  let runStart = -1;
  for (let bin = 0; bin <= bins; bin++) {
    const isSparse = bin < bins && covered[bin] <= sparse;
    if (isSparse && runStart === -1) runStart = bin;
    if (!isSparse && runStart !== -1) {
      // Interior only: the first and last bins hold text by construction.
      if (runStart > 0 && bin < bins && (bin - runStart) * step >= minWidth) {
        const core = emptiestPart(covered, runStart, bin, wellFilled / 100);
        if ((core.end - core.start) * step >= minWidth / 2) gaps.push({ start: left + core.start * step, end: left + core.end * step });
      }
      runStart = -1;
    }
  }
  return gaps;
}

/**
 * The longest stretch of bins [from, to) whose coverage is the run's least: a ragged column
 * edge reaches into the sparse run, and only what crosses its emptiest part crosses the gap.
 */
function emptiestPart(covered: Float64Array, from: number, to: number, tolerance: number): { start: number; end: number } {
  let least = Infinity;
  for (let bin = from; bin < to; bin++) least = Math.min(least, covered[bin]);
  let best = { start: from, end: from };
  let start = -1;
  for (let bin = from; bin <= to; bin++) {
    const empty = bin < to && covered[bin] <= least + tolerance;
    if (empty && start === -1) start = bin;
    if (!empty && start !== -1) {
      if (bin - start > best.end - best.start) best = { start, end: bin };
      start = -1;
    }
  }
  return best;
}

/** The boxes between consecutive gaps, left to right (no box crosses these gaps). */
function splitAtGaps(boxes: Box[], gaps: Gap[]): Box[][] {
  const strips: Box[][] = gaps.map(() => []);
  strips.push([]);
  for (const box of boxes) {
    const index = gaps.findIndex((gap) => box.right <= gap.start);
    strips[index === -1 ? gaps.length : index].push(box);
  }
  return strips.filter((strip) => strip.length > 0);
}

/**
 * Every gap is crossed by something (a headline over several columns): the page is cut into
 * horizontal bands at the crossing items, top to bottom, each read on its own. Text beside a
 * crossing item goes with it.
 */
function bandsAroundSpanners(boxes: Box[], gaps: Gap[]): Box[][] {
  const spanners = boxes.filter((box) => gaps.some((gap) => overlaps(box, gap))).sort((a, b) => b.top - a.top);
  // Spanners whose vertical extents overlap form one band.
  const groups: Array<{ top: number; bottom: number; boxes: Box[] }> = [];
  for (const box of spanners) {
    const last = groups[groups.length - 1];
    if (last && box.top > last.bottom) {
      last.bottom = Math.min(last.bottom, box.bottom);
      last.boxes.push(box);
    } else {
      groups.push({ top: box.top, bottom: box.bottom, boxes: [box] });
    }
  }
  // Bands: before group 0, group 0, between groups 0 and 1, group 1, … after the last group.
  const bands: Box[][] = Array.from({ length: groups.length * 2 + 1 }, () => []);
  groups.forEach((group, index) => bands[index * 2 + 1].push(...group.boxes));
  const isSpanner = new Set(spanners);
  for (const box of boxes) {
    if (isSpanner.has(box)) continue;
    const middle = (box.top + box.bottom) / 2;
    let band = groups.length * 2;
    for (let index = 0; index < groups.length; index++) {
      if (middle > groups[index].top) {
        band = index * 2;
        break;
      }
      if (middle >= groups[index].bottom) {
        band = index * 2 + 1;
        break;
      }
    }
    bands[band].push(box);
  }
  return bands.filter((band) => band.length > 0);
}

/** Cuts at horizontal white space across all the boxes taller than 1.5 lines, top to bottom. */
function horizontalBlocks(boxes: Box[]): Box[][] {
  const size = median(boxes.map((box) => box.size));
  const sorted = [...boxes].sort((a, b) => b.top - a.top);
  const blocks: Box[][] = [];
  let current: Box[] = [];
  let lowest = Infinity;
  for (const box of sorted) {
    if (current.length > 0 && lowest - box.top > 1.5 * size) {
      blocks.push(current);
      current = [];
      lowest = Infinity;
    }
    current.push(box);
    lowest = Math.min(lowest, box.bottom);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/* ---------- lines ---------- */

/** Han, kana, hangul and CJK punctuation or full-width forms. */
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF\u2014\u2018\u2019\u201C\u201D\u2026\u00B7]/u;

/** The boxes of one column as lines, top to bottom, each joined left to right. */
function lines(boxes: Box[]): Leaf {
  const sorted = [...boxes].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Box[][] = [];
  for (const box of sorted) {
    const row = rows[rows.length - 1];
    // Same line: baselines within half of the smaller font size.
    if (row && Math.abs(row[0].y - box.y) <= 0.5 * Math.min(row[0].size, box.size)) row.push(box);
    else rows.push([box]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    const size = Math.max(...row.map((item) => item.size));
    for (const box of row) {
      const gap = box.left - end;
      const before = text.at(-1) ?? '';
      const after = box.text[0];
      const cjkJoin = CJK_CHARACTER.test(before) && CJK_CHARACTER.test(after);
      if (text !== '' && gap > 0.15 * size && !/\s/.test(before) && !/\s/.test(after) && !cjkJoin) text += ' ';
      text += box.text;
      end = Math.max(end, box.right);
    }
    return { text: text.replace(/\s+$/, ''), y: median(row.map((box) => box.y)), size };
  });
}

/* ---------- writing out ---------- */

/**
 * Lines joined by newlines; a blank line where the distance between baselines is more than
 * 1.5 font sizes and clearly more than the usual line distance of the column (a paragraph or
 * article break), and between a block and one further down the page.
 */
function emit(leaves: Leaf[]): string {
  const out: string[] = [];
  let previous: Line | undefined;
  for (const leaf of leaves) {
    const pitches = leaf.slice(1).map((line, index) => leaf[index].y - line.y);
    // The usual distance: the lower median, as a paragraph break makes some distances longer.
    const usual = pitches.length >= 2 ? [...pitches].sort((a, b) => a - b)[Math.floor((pitches.length - 1) / 2)] : 0;
    leaf.forEach((line, index) => {
      if (previous) {
        const distance = previous.y - line.y;
        const withinLeaf = index > 0;
        const wide = distance > 1.5 * Math.max(previous.size, line.size) && (!withinLeaf || distance > 1.3 * usual);
        out.push(wide ? '\n\n' : '\n');
      }
      out.push(line.text);
      previous = line;
    });
  }
  return out.join('').trim();
}
