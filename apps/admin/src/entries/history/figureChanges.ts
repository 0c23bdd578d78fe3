/**
 * The photos of an entry body compared between two versions: which were added, removed or
 * replaced, and whose caption changed. The text diff cannot show these (an image is no text,
 * and a caption reads like any other paragraph there).
 */

export interface BodyFigure {
  /** The image as stored (a data: URL, or an address for bodies from elsewhere). */
  src: string;
  caption: string;
}

export type FigureChange =
  | { kind: 'added'; figure: BodyFigure; position: number }
  | { kind: 'removed'; figure: BodyFigure; position: number }
  | { kind: 'replaced'; before: BodyFigure; after: BodyFigure; position: number }
  | { kind: 'caption'; before: BodyFigure; after: BodyFigure; position: number };

/** The figures of a body in order: `<figure>` with its image and caption, or an image standing alone. */
export function bodyFigures(html: string): BodyFigure[] {
  if (!html || !/<img\b/i.test(html)) return [];
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.querySelectorAll('img'))
    .filter(image => image.getAttribute('src'))
    .map(image => {
      const figure = image.closest('figure');
      const caption = figure?.querySelector('figcaption')?.textContent ?? '';
      return { src: image.getAttribute('src') ?? '', caption: caption.replace(/\s+/g, ' ').trim() };
    });
}

/** The body without its figures (images and captions), for the text comparison beside this one. */
export function withoutFigures(html: string): string {
  return html.replace(/<figure\b[\s\S]*?<\/figure>/gi, '').replace(/<img\b[^>]*>/gi, '');
}

/**
 * What changed in the photos from `older` to `newer`. An image kept (the same data) is matched
 * in order; one whose caption differs is a caption change. An image gone and another come in
 * the same place (between the same kept images) is a replacement (a photo swapped for another);
 * the rest are additions or removals. Positions are 1-based, in the version the change is read
 * in (`newer`, or `older` for a removal).
 */
export function figureChanges(older: readonly BodyFigure[], newer: readonly BodyFigure[]): FigureChange[] {
  const matchedOlder = new Set<number>();
  const matchOf: (number | undefined)[] = newer.map(figure => {
    const index = older.findIndex((candidate, at) => !matchedOlder.has(at) && candidate.src === figure.src);
    if (index < 0) return undefined;
    matchedOlder.add(index);
    return index;
  });
  // The place of an unmatched image: how many kept images stand before it.
  const goneBySlot = new Map<number, number[]>();
  let keptBefore = 0;
  older.forEach((_, at) => {
    if (matchedOlder.has(at)) keptBefore += 1;
    else goneBySlot.set(keptBefore, [...(goneBySlot.get(keptBefore) ?? []), at]);
  });
  const changes: FigureChange[] = [];
  keptBefore = 0;
  newer.forEach((figure, at) => {
    const match = matchOf[at];
    if (match !== undefined) {
      keptBefore += 1;
      if (older[match].caption !== figure.caption) changes.push({ kind: 'caption', before: older[match], after: figure, position: at + 1 });
      return;
    }
    const replaced = goneBySlot.get(keptBefore)?.shift();
    if (replaced !== undefined) changes.push({ kind: 'replaced', before: older[replaced], after: figure, position: at + 1 });
    else changes.push({ kind: 'added', figure, position: at + 1 });
  });
  for (const at of [...goneBySlot.values()].flat().sort((a, b) => a - b)) changes.push({ kind: 'removed', figure: older[at], position: at + 1 });
  return changes;
}

/** How many of each kind, for the one-line summary (新增图片 1 张 · 删除图片 1 张 …). */
export function countChanges(changes: readonly FigureChange[]): Record<FigureChange['kind'], number> {
  const counts = { added: 0, removed: 0, replaced: 0, caption: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}
