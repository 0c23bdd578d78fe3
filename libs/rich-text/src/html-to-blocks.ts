import { Parser } from 'htmlparser2';
import { imageFromSource, type EntryBlock, type FigureBlock, type FigureImage, type TextRun } from '@dsyb/domain';

/**
 * Entry body HTML → the blocks the PDF prints (paragraphs with bold runs, lists, figures).
 *
 * The HTML is stored sanitised (apps/api/src/entries/entry-body.ts), but it is read here as if
 * it were not: rows written by older code, by scripts or straight into the database go through
 * the same path. So nothing in it is assumed well-formed, and nothing but text, bold, list
 * structure and image sources is taken from it:
 *
 * - p, div, headings, table cells and other block elements end a paragraph; `<br>` does too
 *   (a line break typed in a paragraph prints as a new paragraph, as the plain-text body
 *   `bodyText` has always had it).
 * - strong / b are bold; em / i and every other inline element print as plain text (Chinese
 *   body text has no italics, and the fonts have none). Attributes other than img src are ignored.
 * - ul / ol become a list; inside an item, `<br>` and paragraph breaks are line breaks ("\n").
 *   Lists nested in an item are flattened into lines of that item, each starting with its own
 *   marker ("（1）" numbered, "• " bulleted), since a chronicle entry has no use for outlines.
 * - figure with img and figcaption becomes a figure; an img anywhere else becomes a figure
 *   without caption, splitting the paragraph it stands in (figures met inside a list follow
 *   the list, so its numbering is not broken). alt text is not printed.
 * - script, style, template and similar elements are dropped with their content; any other
 *   unknown element is unwrapped: its text stays where it stands.
 * - whitespace is collapsed as a browser does, including dropping a source line break between
 *   two Chinese characters; blocks left empty are dropped.
 */
export function htmlToBlocks(html: string): EntryBlock[] {
  const builder = new BlockBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => builder.open(name, attributes),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(typeof html === 'string' ? html : '');
  return builder.finish();
}

/** Plain text (paragraphs separated by line breaks) as paragraph blocks, for bodies without HTML. */
export function plainTextBlocks(text: string): EntryBlock[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ type: 'paragraph', runs: [{ text: paragraph }] }));
}

/**
 * An entry body as stored: its rich text when it has any, else its plain text (rows from before
 * bodies had HTML, or written by tools that only set body_text).
 */
export function entryBodyBlocks(body: { bodyHtml: string; bodyText: string }): EntryBlock[] {
  return body.bodyHtml.trim() !== '' ? htmlToBlocks(body.bodyHtml) : plainTextBlocks(body.bodyText);
}

/* ---------------------------------------------------------------- element classes */

/** Content that is never document text: dropped together with the element. */
const DROPPED = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'select', 'option', 'iframe', 'object',
  'embed', 'svg', 'math', 'head', 'title', 'canvas', 'audio', 'video', 'picture', 'source',
]);

const BOLD = new Set(['strong', 'b']);

/** Elements that separate paragraphs (or lines within a list item) where they open and close. */
const BLOCK_LEVEL = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article',
  'aside', 'header', 'footer', 'nav', 'main', 'address', 'hr', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'li', 'figcaption', 'details', 'summary',
  'center', 'form', 'fieldset', 'legend', 'body', 'html',
]);

/* ---------------------------------------------------------------- building */

const LINE_BREAK = Symbol('line break');
type Segment = { text: string; bold: boolean } | typeof LINE_BREAK;

interface OpenList {
  ordered: boolean;
  /** Items seen so far, for the markers of a flattened nested list. */
  count: number;
}

interface OpenFigure {
  images: FigureImage[];
  caption: string[];
  /** figure elements open inside this one (ignored, but counted to find its end). */
  depth: number;
}

class BlockBuilder {
  private readonly blocks: EntryBlock[] = [];
  /** The paragraph being read, or the current item of the outermost list. */
  private line: Segment[] = [];
  private boldDepth = 0;
  private dropDepth = 0;
  /** Open lists, outermost first; only the outermost becomes a block. */
  private readonly lists: OpenList[] = [];
  private items: TextRun[][] = [];
  private figure: OpenFigure | null = null;
  /** Figures met inside a list: printed after it. */
  private deferred: FigureBlock[] = [];

  text(text: string): void {
    if (this.dropDepth > 0) return;
    if (this.figure) this.figure.caption.push(text);
    else this.line.push({ text, bold: this.boldDepth > 0 });
  }

  open(name: string, attributes: Record<string, string>): void {
    if (this.dropDepth > 0 || DROPPED.has(name)) {
      this.dropDepth += 1;
      return;
    }
    if (BOLD.has(name)) {
      this.boldDepth += 1;
      return;
    }
    if (this.figure) {
      // Inside a figure only images and text (the caption) count; structure is ignored.
      if (name === 'img') this.figure.images.push(imageFromSource(attributes.src));
      else if (name === 'figure') this.figure.depth += 1;
      else if (name === 'br' || BLOCK_LEVEL.has(name)) this.figure.caption.push(' ');
      return;
    }
    switch (name) {
      case 'ul':
      case 'ol':
        if (this.lists.length === 0) this.flushParagraph();
        else this.line.push(LINE_BREAK);
        this.lists.push({ ordered: name === 'ol', count: 0 });
        return;
      case 'li':
        this.openItem();
        return;
      case 'figure':
        this.breakBlock();
        this.figure = { images: [], caption: [], depth: 0 };
        return;
      case 'img':
        this.emitFigures([{ type: 'figure', image: imageFromSource(attributes.src), caption: '' }]);
        return;
      default:
        if (name === 'br' || BLOCK_LEVEL.has(name)) this.breakBlock();
    }
  }

  close(name: string): void {
    if (this.dropDepth > 0) {
      this.dropDepth -= 1;
      return;
    }
    if (BOLD.has(name)) {
      this.boldDepth = Math.max(0, this.boldDepth - 1);
      return;
    }
    if (this.figure) {
      if (name === 'figure') {
        if (this.figure.depth > 0) this.figure.depth -= 1;
        else this.closeFigure();
      } else if (BLOCK_LEVEL.has(name)) {
        this.figure.caption.push(' ');
      }
      return;
    }
    if (name === 'ul' || name === 'ol') this.closeList();
    else if (name === 'li') this.closeItem();
    else if (BLOCK_LEVEL.has(name)) this.breakBlock();
  }

  finish(): EntryBlock[] {
    // The parser closes whatever is still open at the end; this is only a safety net.
    if (this.figure) this.closeFigure();
    while (this.lists.length > 0) this.closeList();
    this.flushParagraph();
    return this.blocks;
  }

  /** A block boundary: a new paragraph, or a new line in a list item. */
  private breakBlock(): void {
    if (this.lists.length > 0) this.line.push(LINE_BREAK);
    else this.flushParagraph();
  }

  private openItem(): void {
    const list = this.lists.at(-1);
    if (!list) {
      this.flushParagraph(); // an li outside any list is a paragraph
      return;
    }
    list.count += 1;
    if (this.lists.length === 1) {
      this.finishItem();
      return;
    }
    const marker = list.ordered ? `（${list.count}）` : '• ';
    this.line.push(LINE_BREAK, { text: marker, bold: false });
  }

  /** An item of a nested list ends where the next marker or the list's end starts a new line. */
  private closeItem(): void {
    if (this.lists.length === 1) this.finishItem();
    else if (this.lists.length === 0) this.flushParagraph();
  }

  private finishItem(): void {
    const runs = normaliseRuns(this.line, true);
    this.line = [];
    if (runs.length > 0) this.items.push(runs);
  }

  private closeList(): void {
    const list = this.lists.pop();
    if (!list) return; // a stray </ul>
    if (this.lists.length > 0) {
      this.line.push(LINE_BREAK);
      return;
    }
    this.finishItem();
    if (this.items.length > 0) this.blocks.push({ type: 'list', ordered: list.ordered, items: this.items });
    this.items = [];
    this.blocks.push(...this.deferred);
    this.deferred = [];
  }

  private closeFigure(): void {
    const figure = this.figure;
    if (!figure) return;
    this.figure = null;
    const caption = normaliseRuns(figure.caption.map((text) => ({ text, bold: false })), false)
      .map((run) => run.text)
      .join('');
    // Several images in one figure share its caption, printed under the last of them.
    const figures: FigureBlock[] = figure.images.map((image, i) => ({
      type: 'figure',
      image,
      caption: i === figure.images.length - 1 ? caption : '',
    }));
    // A caption without a usable image (e.g. its src was removed) still shows, with the placeholder.
    if (figures.length === 0 && caption !== '') figures.push({ type: 'figure', image: { kind: 'omitted', reason: 'missing' }, caption });
    this.emitFigures(figures);
  }

  private emitFigures(figures: FigureBlock[]): void {
    if (this.lists.length > 0) {
      this.line.push(LINE_BREAK);
      this.deferred.push(...figures);
    } else {
      this.flushParagraph();
      this.blocks.push(...figures);
    }
  }

  private flushParagraph(): void {
    const runs = normaliseRuns(this.line, false);
    this.line = [];
    if (runs.length > 0) this.blocks.push({ type: 'paragraph', runs });
  }
}

/* ---------------------------------------------------------------- whitespace */

/** HTML's collapsible whitespace, plus the no-break space editors insert for repeated spaces. */
const COLLAPSIBLE = /^[ \t\n\r\f\u00a0]$/;
const NEWLINE = /^[\n\r]$/;
/** Characters between which a source line break is no space at all (CSS Text 3, segment breaks). */
const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]$/u;

/**
 * Collapses whitespace across the segments as a browser would, trims each line, and merges
 * neighbouring runs of the same weight. With `keepBreaks`, LINE_BREAK becomes "\n" (list items);
 * otherwise it is whitespace like any other.
 */
function normaliseRuns(segments: readonly Segment[], keepBreaks: boolean): TextRun[] {
  const runs: Array<{ text: string; bold: boolean }> = [];
  const emit = (text: string, bold: boolean): void => {
    const last = runs.at(-1);
    if (last && last.bold === bold) last.text += text;
    else runs.push({ text, bold });
  };
  let pending: 'space' | 'segment-break' | null = null;
  let previous = '';
  for (const segment of segments) {
    if (segment === LINE_BREAK) {
      if (keepBreaks) {
        if (previous !== '' && previous !== '\n') {
          emit('\n', false);
          previous = '\n';
        }
        pending = null;
      } else {
        pending = 'segment-break';
      }
      continue;
    }
    for (const ch of segment.text) {
      if (COLLAPSIBLE.test(ch)) {
        pending = pending === 'segment-break' || NEWLINE.test(ch) ? 'segment-break' : 'space';
        continue;
      }
      const atLineStart = previous === '' || previous === '\n';
      if (pending && !atLineStart && !(pending === 'segment-break' && WIDE.test(previous) && WIDE.test(ch))) {
        emit(' ', segment.bold);
      }
      pending = null;
      emit(ch, segment.bold);
      previous = ch;
    }
  }
  // A bold space is no different from a plain one; keep the runs few.
  const merged: TextRun[] = [];
  for (const run of runs) {
    const bold = run.bold && run.text.trim() !== '';
    const last = merged.at(-1);
    if (last && (last.bold === true) === bold) last.text += run.text;
    else merged.push(bold ? { text: run.text, bold: true } : { text: run.text });
  }
  const last = merged.at(-1);
  if (last?.text.endsWith('\n')) {
    last.text = last.text.replace(/\n+$/, '');
    if (last.text === '') merged.pop();
  }
  return merged;
}
