import { DEFAULT_MARGINS_MM } from '@dsyb/contracts';
import { TypesetError } from './typeset-error';

/** Page margins in millimetres. Give `inside` (binding side) instead of `left` for mirrored margins. */
export interface TypesetMargins {
  top?: number;
  bottom?: number;
  left?: number;
  inside?: number;
  /** The right margin, or the outer margin when `inside` is given. */
  right?: number;
}

export interface TypesetSettings {
  /** A Typst paper name such as "a4" (default), "a5", "iso-b5", "us-letter". */
  paper?: string;
  margins?: TypesetMargins;
}

/** What the template receives: margins keyed as Typst's page.margin expects, in mm. */
export interface ResolvedPageSettings {
  paper: string;
  margin: Record<string, number>;
}

/**
 * Defaults chosen for an A4 monthly: a little more room on the binding side. Defined with the
 * print-resolution check (contracts), which needs the same text width.
 */
export { DEFAULT_MARGINS_MM };

const PAPER_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_MARGIN_MM = 100;

export function resolvePageSettings(settings: TypesetSettings = {}): ResolvedPageSettings {
  const paper = settings.paper ?? 'a4';
  // Typst validates the name itself; this only keeps the message short and obvious.
  if (!PAPER_NAME.test(paper)) throw new TypesetError(`纸张规格无效：${paper}`);
  const m = settings.margins ?? {};
  if (m.left !== undefined && m.inside !== undefined) {
    throw new TypesetError('页边距不能同时设置 left 和 inside');
  }
  const side = m.inside !== undefined ? { inside: m.inside, outside: m.right } : { left: m.left, right: m.right };
  const margin: Record<string, number> = {
    top: checkMargin('top', m.top ?? DEFAULT_MARGINS_MM.top),
    bottom: checkMargin('bottom', m.bottom ?? DEFAULT_MARGINS_MM.bottom),
  };
  for (const [key, value] of Object.entries(side)) {
    const fallback = key === 'inside' || key === 'left' ? DEFAULT_MARGINS_MM.left : DEFAULT_MARGINS_MM.right;
    margin[key] = checkMargin(key, value ?? fallback);
  }
  return { paper, margin };
}

function checkMargin(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MARGIN_MM) {
    throw new TypesetError(`页边距无效：${name} = ${String(value)}（应为 0–${MAX_MARGIN_MM} 毫米）`);
  }
  return value;
}
