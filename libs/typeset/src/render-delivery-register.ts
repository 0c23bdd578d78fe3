import {
  aboutUnit,
  PAPER_RECEIPT_MARK,
  prepareRegister,
  REGISTER_COLUMNS,
  REGISTER_SIDE_MARGINS_MM,
  SIGNATURE_LABELS,
  totalsLine,
  type DeliveryRegister,
  type PreparedRegister,
  type RegisterCell,
} from './delivery-register';
import { assertPrintable, compilePdf } from './typesetter';
import { typesetErrorFromDiagnostics } from './typst-diagnostics';
import { withDataLine } from './typst-source';

export interface RenderedRegister {
  pdf: Buffer;
  pages: number;
}

/**
 * The register's layout. Like the template it is constant: every value comes from
 * `data` and is printed with text(...), never read as markup. Noto Serif SC for the text,
 * Noto Sans SC for the title and the table's header, as in the issue. A time's date and clock
 * are two lines of their cell ("\n" in the data: user text has none, cleanInline removes them),
 * which keeps ten columns on a portrait page.
 */
const REGISTER_TEMPLATE = String.raw`
#let serif = "Noto Serif SC"
#let sans = "Noto Sans SC"
#set document(title: data.title, author: data.author, date: none)
#set page(
  paper: data.paper,
  flipped: data.landscape,
  margin: (top: 18mm, bottom: 18mm, left: data.margins.left * 1mm, right: data.margins.right * 1mm),
  footer: context align(center, text(size: 9pt,
    "第" + str(here().page()) + "页　共" + str(counter(page).final().first()) + "页")),
)
#set text(font: (serif, sans, ..fallback-fonts), fallback: false, lang: "zh", region: "cn", size: 10pt, cjk-latin-spacing: none)
#set par(justify: false, first-line-indent: 0pt, leading: 0.5em)
// Typst breaks lines only at break opportunities: a long run of ASCII (a name typed without
// spaces) gets zero-width spaces as places to break, rather than run out of its column.
#show regex("[!-~]{12,}"): it => it.text.clusters().chunks(6).map(c => c.join()).join("\u{200B}")

// "（纸质回执）" is never split.
#show data.receiptMark: box

#let lines(value) = value.split("\n").map(text).join(linebreak())
#let labelled(d) = [#text(d.label)：#text(d.value)]

#align(center, block(below: 1.3em, text(font: (sans, ..fallback-fonts), weight: "bold", size: 16pt, data.title)))
#block(below: 0.5em, grid(columns: (1fr, auto), column-gutter: 1em,
  text(data.office), text(font: (sans, ..fallback-fonts), weight: "bold", if data.revision != none { data.revision } else { "" })))
#block(below: 0.9em, grid(columns: (1fr,) * data.dates.len(), column-gutter: 1em, ..data.dates.map(labelled)))

#set table.cell(breakable: false)
#table(
  columns: data.columns.map(c => if c.width == none { 1fr } else { c.width * 1mm }),
  align: (x, y) => horizon + (if data.columns.at(x).align == "left" and y > 0 { left } else { center }),
  inset: (x: 2pt, y: 3.5pt),
  stroke: 0.5pt + black,
  fill: (x, y) => if y == 0 { luma(230) },
  table.header(..data.columns.map(c => text(font: (sans, ..fallback-fonts), weight: "bold", size: 8pt, c.header))),
  ..data.rows.flatten().map(v => text(size: 8pt, lines(v))),
)

#block(above: 1em, breakable: false, [#text(font: (sans, ..fallback-fonts), weight: "bold", "合计")　#text(data.totals)])
#let blank = box(width: 8em, stroke: (bottom: 0.5pt), outset: (bottom: 2pt), [])
#block(width: 100%, above: 2.5em, breakable: false, align(right, [
  #text(data.signature.at(0))：#blank#h(3em)#text(data.signature.at(1))：#blank
]))
`;

/**
 * 发放登记表 of one issue as PDF, for the office's files: title, office and dates, a table of the
 * units (its header on every page), totals and a line for the clerk's signature. In the paper of
 * the masthead (A4 by default), portrait. Times are Beijing time, whatever the machine's zone.
 *
 * Synchronous, on the shared compiler. Throws TypesetError for unusable data or text the bundled
 * fonts cannot print (naming the unit).
 */
export function renderDeliveryRegisterPdf(register: DeliveryRegister): RenderedRegister {
  const prepared = prepareRegister(register);
  assertPrintable(textsOf(prepared), '发放登记表排版失败：');
  const data = {
    title: prepared.title,
    author: prepared.author,
    paper: prepared.paper,
    landscape: prepared.landscape,
    // The binding side a little wider.
    margins: { left: REGISTER_SIDE_MARGINS_MM - 12, right: 12 },
    office: prepared.office,
    revision: prepared.revision,
    dates: prepared.dates,
    columns: REGISTER_COLUMNS.map((c) => ({
      header: c.header,
      width: c.grow ? null : (c.pdfWidthMm ?? null),
      align: c.kind === 'text' ? 'left' : 'center',
    })),
    rows: prepared.rows.map((row) => REGISTER_COLUMNS.map((c) => cellText(c.cell(row)))),
    totals: totalsLine(prepared.totals),
    signature: SIGNATURE_LABELS,
    receiptMark: PAPER_RECEIPT_MARK,
  };
  const { pdf, pages } = compilePdf(withDataLine(data, REGISTER_TEMPLATE), {
    errorFrom: (diagnostics) => typesetErrorFromDiagnostics(diagnostics, [], prepared.paper),
  });
  return { pdf, pages };
}

/** Every string the register prints from its input, and how a message names it (the unit's fields by the unit). */
function textsOf(prepared: PreparedRegister): Array<{ text: string; what: string }> {
  return [
    { text: prepared.title, what: '标题' },
    { text: prepared.office, what: '主办单位' },
    ...prepared.rows.flatMap((row) => [
      { text: row.unitName, what: aboutUnit(row.unitName, '名称') },
      { text: row.category, what: aboutUnit(row.unitName, '类别') },
      { text: row.confirmedByName, what: aboutUnit(row.unitName, '签收人') },
    ]),
  ];
}

function cellText(cell: RegisterCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return cell.text.replace(' ', '\n');
}
