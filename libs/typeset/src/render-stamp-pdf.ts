import { cleanInline } from './clean-text';
import { TypesetError } from './typeset-error';
import { assertPrintable, compilePdf } from './typesetter';
import { typesetErrorFromDiagnostics } from './typst-diagnostics';
import { withDataLine } from './typst-source';

/** The size of the pages the stamps go on, in PostScript points (pdf-lib's page.getSize()). */
export interface StampPageSize {
  widthPt: number;
  heightPt: number;
}

/** The largest page a PDF may have: 200 inches a side. */
const MAX_PAGE_PT = 14_400;

/**
 * The distribution stamp: one line in Noto Sans SC 7.5pt, grey, centred, its baseline 6 mm above
 * the bottom edge — below the page number ("— 12 —", 11pt, about 12 mm from the edge),
 * quiet enough not to disturb the page. The page has no fill and no margin, so overlaid on a
 * page of the issue it adds these words and nothing else. A stamp too long for the page wraps,
 * upwards, within 15 mm of either edge.
 */
const STAMP_TEMPLATE = String.raw`
#set document(title: "发放标记", date: none)
#set page(width: data.page.width * 1pt, height: data.page.height * 1pt, margin: 0pt, fill: none, header: none, footer: none)
#set text(font: ("Noto Sans SC", ..fallback-fonts), fallback: false, lang: "zh", region: "cn", size: 7.5pt, fill: luma(120), cjk-latin-spacing: none)
#set par(justify: false, first-line-indent: 0pt, leading: 0.5em)
#for (i, stamp) in data.stamps.enumerate() {
  if i > 0 { pagebreak() }
  place(bottom + center, dy: -6mm, pad(x: 15mm, align(center, text(stamp))))
}
`;

/**
 * One PDF page per stamp, each exactly `page` in size, transparent, with the stamp's text at the
 * bottom centre. The worker overlays page i on every page of the final PDF for the i-th
 * unit (pdf-lib embedPdf + drawPage), so that a copy of 内部资料 names the unit it was sent to:
 * "发至：区委办公室　总第97期　内部资料　注意保存".
 *
 * Synchronous, on the shared compiler (like renderIssuePdf). Throws TypesetError when a stamp has
 * characters the bundled fonts cannot print (naming the stamp), or for a page size no PDF can have.
 */
export function renderStampPdf(stamps: string[], page: StampPageSize): Buffer {
  if (!Array.isArray(stamps) || stamps.length === 0) throw new TypesetError('排版失败：没有要生成的发放标记');
  checkPageSize(page);
  const texts = stamps.map((stamp) => {
    if (typeof stamp !== 'string') throw new TypesetError(`排版失败：发放标记不是文本：${String(stamp)}`);
    return cleanInline(stamp);
  });
  assertPrintable(texts.map((text) => ({ text, what: `发放标记“${text}”` })), '排版失败：');
  const data = { page: { width: page.widthPt, height: page.heightPt }, stamps: texts };
  return compilePdf(withDataLine(data, STAMP_TEMPLATE), { errorFrom: (diagnostics) => typesetErrorFromDiagnostics(diagnostics, []) }).pdf;
}

function checkPageSize(page: StampPageSize): void {
  for (const side of [page?.widthPt, page?.heightPt]) {
    if (typeof side !== 'number' || !Number.isFinite(side) || side <= 0 || side > MAX_PAGE_PT) {
      throw new TypesetError(`排版失败：发放标记的页面尺寸无效：${String(page?.widthPt)} × ${String(page?.heightPt)} pt`);
    }
  }
}
