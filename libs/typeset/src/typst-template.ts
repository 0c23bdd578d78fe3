/**
 * The issue layout, as Typst markup. It is a constant: the only part of the generated source
 * that varies is the `data` line put in front of it (see typst-source.ts), and every value
 * printed from `data` is a string shown with text(...), never evaluated as markup.
 *
 * TYPST_COMMON is what every document of entries prints with (the issue, the annual volume,
 * annual-volume-template.ts): fonts, page, Chinese typography, headings, titles, body blocks,
 * cover, contents and page numbers. It reads `data.document`, `data.proof`, `data.page` and
 * `data.titleWords`, which both documents' data have.
 *
 * Kept in a .ts file rather than a .typ file so it travels with the compiled JavaScript
 * (dist/libs/typeset/src) without a copy step.
 *
 * Checked against Typst 0.14 (the version embedded in typst-ts-node-compiler 0.7.0).
 */

/**
 * Assertion messages about one entry start with ⟦entry:12⟧ (12 = the entry's index in the
 * issue); typst-diagnostics.ts maps it back to the entry. User text never reaches an assertion
 * message, so the marker cannot be forged (and the fonts have no glyph for ⟦ anyway).
 */
export const ENTRY_MARKER_OPEN = '⟦entry:';
export const ENTRY_MARKER_CLOSE = '⟧';

/** Must match body-blocks.ts; repeated here only to keep this file free of imports. */
const IMAGE_DIR = '/dsyb-images/';

/**
 * The full-width marks the template keeps full width (its punctuation rule): closing marks
 * never start a line, opening marks never end one. body-blocks.ts counts them too.
 */
export const CJK_CLOSING = '，。、；：？！）》」』】〕〗〉］｝”’';
export const CJK_OPENING = '（《「『【〔〖〈［｛“‘';

export const TYPST_COMMON = String.raw`
// ---------------------------------------------------------------- fonts and sizes
#let serif = "Noto Serif SC"
#let sans = "Noto Sans SC"
#let body-fonts = (serif, sans, ..fallback-fonts)
#let heading-fonts = (sans, serif, ..fallback-fonts)
#let body-size = 14pt
// Captions and image placeholders: 五号 (10.5pt), the customary size for captions under a 四号 body.
#let caption-size = 10.5pt
#let accent = rgb("#b4141e")

// ---------------------------------------------------------------- document and page
#set document(
  title: data.document.title,
  author: data.document.author,
  // A fixed date keeps the PDF bytes reproducible for the same snapshot.
  date: datetime(year: data.document.date.year, month: data.document.date.month, day: data.document.date.day),
)

// The render time reaches the header through a metadata element, not through the header's
// own value: a set rule's value is part of every element's style chain, so a header holding
// the time would invalidate Typst's layout cache for the whole issue at each proof render.
#let is-proof = data.proof != none
#metadata(data.proof) <dsyb-proof>
#let proof-header = if is-proof {
  context {
    // Left-aligned whatever the page's content sets: the cover centres its own content, and the
    // header took that alignment there (narrower than on the other pages).
    set align(left)
    set par(first-line-indent: 0pt, justify: false)
    set text(font: heading-fonts, size: 9pt, fill: accent)
    let proof = query(<dsyb-proof>).first().value
    grid(
      columns: (1fr, auto),
      text(weight: "bold", "校样（非正式出版物，仅供审校）"),
      "排版时间：" + proof.renderedAt,
    )
  }
}
#let proof-background = if is-proof {
  place(center + horizon, rotate(-35deg, text(
    font: heading-fonts, weight: "bold", size: 110pt, fill: accent.lighten(88%), tracking: 0.2em, "校样",
  )))
}

// The text area, for figures that check whether they fit on the page.
#let page-top-margin = data.page.margin.top * 1mm
#let page-bottom-margin = data.page.margin.bottom * 1mm
#let page-side-margins = (("left", "inside", "right", "outside").map(side => data.page.margin.at(side, default: 0)).sum()) * 1mm
#set page(
  paper: data.page.paper,
  margin: data.page.margin.pairs().map(((side, mm)) => (side, mm * 1mm)).to-dict(),
  header: proof-header,
  background: proof-background,
  footer: none,
)

// ---------------------------------------------------------------- Chinese typography
// fallback: false — the bundled fonts cover the text (checked before compiling); without it
// Typst would quietly take glyphs from whatever system fonts exist.
// cjk-latin-spacing: none — "9月17日" must not get gaps between digits and Chinese.
#set text(
  font: body-fonts, fallback: false, lang: "zh", region: "cn",
  size: body-size, cjk-latin-spacing: none,
)
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.75em, spacing: 0.75em)
// Full-width punctuation stays full-width inside a line (clreq §3.1.6): Typst compresses CJK
// punctuation to justify a line that is slightly too long ("共93人，其中" printed with a
// half-width comma), and has no setting to turn that off. A run of punctuation is therefore set
// in a box, which justification cannot shrink; Typst still compresses adjacent punctuation
// inside the run ("）。", "。”"). The zero-width boxes at its ends keep Typst from treating the
// run as the start and end of a line (where it would halve it). The word joiners keep the
// line-breaking rules a box would lose:
// closing punctuation never starts a line, opening punctuation never ends one.
#let cjk-closing = "${CJK_CLOSING}"
#let cjk-opening = "${CJK_OPENING}"
#show regex("[" + cjk-closing + cjk-opening + "]+"): it => {
  let chars = it.text.clusters()
  if chars.first() in cjk-closing.clusters() { sym.wj }
  box({ box(width: 0pt); it; box(width: 0pt) })
  if chars.last() in cjk-opening.clusters() { sym.wj }
}
// Typst breaks lines only at break opportunities; 40 or more ASCII characters without a space
// (a long number, a URL without slashes) would run off the page. Zero-width spaces every ten
// characters give the line breaker somewhere to go.
#show regex("[!-~]{40,}"): it => it.text.clusters().chunks(10).map(c => c.join()).join("\u{200B}")

#show heading: set text(font: heading-fonts, weight: "bold")
// Optimised (not greedy) breaking with a high runt cost: a wrapped title should not leave
// a single character alone on its last line ("…推进情 / 况").
#show heading: set par(first-line-indent: 0pt, justify: false, linebreaks: "optimized")
#show heading: set text(costs: (runt: 1000%))

// An entry title, in the contents and as a heading, broken only between words (the words come
// from title-words.ts): each word is an unbreakable box, unless it is wider than the line on
// its own. A title that needs two lines is balanced: the break is put between the words that
// make the two lines most equal. Longer titles are left to the line breaker, between words.
// Inline content; width is the width of the line the title is set in.
#let title-text(title, width) = context {
  // A title well inside one line (room left for a contents line's leader and page number) has
  // nowhere to break: no word boxes to build and measure, which most titles are.
  if measure(text(title)).width <= width - 3em.to-absolute() { return text(title) }
  let words = data.titleWords.at(title, default: (title,))
  let pieces = words.map(w => { let b = box(text(w)); if measure(b).width > width { text(w) } else { b } })
  let widths = pieces.map(p => measure(p).width)
  let total = widths.sum(default: 0pt)
  if total <= width or total > 2 * width or widths.any(w => w > width) { return pieces.join() }
  let best = none
  let first = 0pt
  for k in range(1, pieces.len()) {
    first += widths.at(k - 1)
    let longer = calc.max(first, total - first)
    if longer <= width and (best == none or longer < best.at(1)) { best = (k, longer) }
  }
  if best == none { return pieces.join() }
  pieces.slice(0, best.at(0)).join() + linebreak() + pieces.slice(best.at(0)).join()
}
// Section heading: the name between two thin rules, with room above.
#show heading.where(level: 1): it => block(width: 100%, above: 2.2em, below: 1.4em, sticky: true, breakable: false, grid(
  columns: (1fr, auto, 1fr), column-gutter: 0.8em, align: horizon,
  line(length: 100%, stroke: 0.6pt + accent),
  text(size: 18pt, fill: accent, it.body),
  line(length: 100%, stroke: 0.6pt + accent),
))
// Entry title: centred; sticky, so it never stays alone at the foot of a page.
#show heading.where(level: 2): it => block(width: 100%, above: 1.8em, below: 1em, sticky: true, breakable: false,
  align(center, text(size: 15pt, if it.body.has("text") { layout(size => title-text(it.body.text, size.width)) } else { it.body })))

// ---------------------------------------------------------------- body blocks
// Runs are strings printed with text(...): bold ones in the bold weight of the same family,
// i.e. Noto Serif SC Bold in the body. Never markup, whatever the string contains.
// An index mark (索引, annual volume): the number of the term whose name starts this run, as an
// invisible metadata element; the index queries them all and prints the pages they are on. It is
// put after the name's first character, not before it: where a line (or page) breaks right
// before the name, a mark in front of it would stay at the end of the previous line, while one
// after the first character is always on the line (and page) where the name starts.
#let index-mark(term) = [#metadata(term)<dsyb-index-mark>]
#let run-text(r) = if "term" in r {
  let first = r.text.first()
  [#text(first)#index-mark(r.term)#text(r.text.slice(first.len()))]
} else { text(r.text) }
// A run that restarts the punctuation rule's stretch of text (body-blocks.ts) follows a zero-width box.
#let run-content(r) = {
  if r.at("restart", default: false) { box(width: 0pt) }
  if r.at("bold", default: false) { text(weight: "bold", run-text(r)) } else { run-text(r) }
}
#let runs-content(runs) = runs.map(run-content).join()

#let body-paragraph(b) = par(runs-content(b.runs))

// Lists as Word sets them in Chinese documents: the marker where a paragraph's first line
// starts (two characters in), the text hanging after it, no first-line indent inside items.
// Numbers "1." and round bullets, as the editor shows them. "•" (U+2022) is a full-width cell
// with a tiny dot in the CJK fonts, easily taken for the interpunct "·": it is scaled up (a
// transform, so it stays a character in its line for copying and text extraction), and the
// list starts a third of a character earlier, so that the dot itself, not the empty left part
// of its cell, stands where a paragraph's first line starts.
#let bullet = scale(200%, text("•"))
#let body-list(b) = {
  set par(first-line-indent: 0pt)
  let items = b.items.map(lines => lines.map(runs-content).join(linebreak()))
  if b.ordered {
    enum(numbering: "1.", indent: 2em, body-indent: 0.5em, ..items)
  } else {
    list(marker: bullet, indent: 1.67em, body-indent: 0.25em, ..items)
  }
}

// Image and caption are one unbreakable block, centred: a figure moves to the next page whole
// rather than leave its caption behind. The image is at most its natural size (96 dpi), the
// text width, and 45% of the page's text height. Its path is built here from a number only.
#let figure-image(i) = layout(size => image(
  "${IMAGE_DIR}" + str(i.file) + (if i.format == "png" { ".png" } else { ".jpg" }),
  format: if i.format == "png" { "png" } else { "jpg" },
  width: calc.min(i.width * 1pt, size.width, size.height * 45% * i.aspect),
))
#let figure-placeholder(f) = block(
  width: 70%, inset: (x: 1em, y: 1.4em), stroke: (paint: luma(150), thickness: 0.6pt, dash: "dashed"),
  text(font: heading-fonts, size: caption-size, fill: luma(80), [#text(f.placeholder)#linebreak()#text(size: 9pt, f.note)]),
)
// The caption ends with the photo credit, "摄影：王云翔 李云凯", when the entry names photographers.
#let figure-caption(f) = {
  let credit = f.at("credit", default: "")
  let parts = (f.caption, if credit != "" { "摄影：" + credit } else { "" }).filter(p => p != "")
  if parts.len() > 0 { block(above: 0.7em, text(font: heading-fonts, size: caption-size, parts.join("　"))) }
}
#let figure-unit(f, above: 1.2em, below: 1.2em) = block(width: 100%, above: above, below: below, breakable: false, {
  set par(first-line-indent: 0pt, justify: false, leading: 0.6em)
  set align(center)
  // Names in the caption are indexed on the page the figure is printed on (a float's too).
  for term in f.at("terms", default: ()) { index-mark(term) }
  if f.image != none { figure-image(f.image) } else { figure-placeholder(f) }
  figure-caption(f)
})
// A figure that does not fit in what is left of the page would leave that space empty (up to
// half a page). When text of its entry follows it (f.movable), the figure alone moves to the top
// of the next page and that text fills the space; otherwise (the entry ends with it) it moves
// whole, as before, so a figure never lands under the next entry's title.
// Where the figure would start is read from a probe placed just before it (a place() takes no
// room and stays on the page it is on), not from the figure: a figure that moved to the next page
// would see itself at the top of that page, where it fits. (context, not layout: a float inside
// layout's block would float within that block only.)
#let body-figure(f) = if not f.at("movable", default: false) { figure-unit(f) } else {
  [#place(box())<dsyb-figure-probe>]
  context {
    let unit = figure-unit(f)
    let text-area = (width: page.width - page-side-margins, height: page.height - page-top-margin - page-bottom-margin)
    // Exactly what the float would need on this page (its height and clearance): had the test more
    // room than that, a float could still be put at the top of this page, push its own probe onto
    // the next page, and the decision would flip from one layout pass to the next.
    let needed = measure(unit, ..text-area).height + 1.2 * body-size
    // (Nothing is known on the first layout pass: the figure then stays in the flow.)
    let probes = query(selector(<dsyb-figure-probe>).before(here()))
    let y = if probes.len() > 0 { probes.last().location().position().y } else { 0pt }
    if y + needed <= page.height - page-bottom-margin { unit } else {
      place(top, float: true, clearance: 1.2em, figure-unit(f, above: 0pt, below: 0pt))
    }
  }
}

#let body-block(b) = if b.type == "paragraph" { body-paragraph(b) } else if b.type == "list" { body-list(b) } else if b.type == "figure" { body-figure(b) }


// ---------------------------------------------------------------- cover, contents, page numbers
// The cover: the title over a double rule, the lines under it (text and size each), and the
// compiler and date at the foot.
#let cover-page(title, lines, compiler, date) = {
  set par(first-line-indent: 0pt, justify: false)
  set align(center)
  v(16%)
  block(text(font: heading-fonts, weight: "bold", size: 38pt, fill: accent, tracking: 0.05em, title))
  v(0.6em)
  block(width: 80%, stack(spacing: 3pt, line(length: 100%, stroke: 2pt + accent), line(length: 100%, stroke: 0.6pt + accent)))
  v(2.2em)
  lines.map(((line, size)) => block(text(size: size, line))).join(v(0.4em))
  v(1fr)
  block(text(size: 16pt, compiler))
  v(0.4em)
  block(text(size: 16pt, date))
  v(10%)
}

// A line of the contents: what body(width) prints, a dot leader, and the page number of
// target (a label in the body), so the number is always the real one.
#let toc-line(target, body) = block(above: 0.62em, below: 0.62em, breakable: false, pad(left: 1em, grid(
  columns: (1fr, 1.6em), column-gutter: 0.4em, align: (left + bottom, right + bottom),
  // The dot leader fills the rest of the body's last line, so a long title wraps cleanly.
  layout(size => par({ body(size.width); box(width: 1fr, repeat(gap: 0.15em, text(fill: luma(90), "."))) })),
  context str(counter(page).at(target).first()),
)))
// The contents page: its heading, then the lines.
#let toc-page(lines) = {
  set par(first-line-indent: 0pt, justify: false, leading: 0.55em)
  set text(size: 12pt)
  align(center, block(below: 1.8em, text(font: heading-fonts, weight: "bold", size: 22pt, [目#h(1.5em)录])))
  lines
}
#let toc-group(name) = block(above: 1.4em, below: 0.7em, sticky: true, text(font: heading-fonts, weight: "bold", size: 13pt, name))

// The footer of numbered pages, from the body on. Numbering "from-cover" (the reference
// issue's): every page counts from the cover, so the number goes on; "from-body": the first
// body page is page 1 (each template resets the counter there).
#let page-footer = context align(center, text(size: 11pt, "— " + counter(page).display("1") + " —"))
`;

export const TYPST_TEMPLATE = String.raw`
// ---------------------------------------------------------------- input checks
// Entry fields arrive as received; an unusable one stops the compilation with a message that
// names the entry by index, which the TypeScript side turns into a TypesetError.
#let entry-marker(e) = "${ENTRY_MARKER_OPEN}" + str(e.index) + "${ENTRY_MARKER_CLOSE}"
#for section in data.sections {
  for e in section.entries {
    let m = entry-marker(e)
    let title = e.at("title", default: none)
    assert(type(title) == str, message: m + "标题不是文本")
    assert(title != "", message: m + "标题为空")
    // Bodies given as blocks were checked before compiling (body-blocks.ts).
    if "blocks" not in e {
      let paragraphs = e.at("paragraphs", default: none)
      assert(type(paragraphs) == array, message: m + "正文不是段落列表")
      for (j, p) in paragraphs.enumerate() {
        assert(type(p) == str, message: m + "第" + str(j + 1) + "段不是文本")
      }
    }
  }
}

// Label of an entry's title; the table of contents looks up the title's page through it.
#let entry-label(e) = label("dsyb-entry-" + str(e.index))

${TYPST_COMMON}
// ---------------------------------------------------------------- cover
#cover-page(data.cover.title, ((data.cover.month, 20pt), (data.cover.serial, 16pt)), data.cover.compiler, data.cover.date)
#pagebreak()

// ---------------------------------------------------------------- table of contents
// Page numbers come from the labels on the entry titles, so they are always the real ones.
#toc-page(for section in data.sections {
  toc-group(section.name)
  for e in section.entries { toc-line(entry-label(e), width => title-text(e.title, width)) }
})

// ---------------------------------------------------------------- body
// The page setting below starts a new page, the first with a printed number (page-footer).
#set page(footer: page-footer)
#if data.numbering == "from-body" { counter(page).update(1) }

#for section in data.sections {
  heading(level: 1, section.name)
  for e in section.entries {
    [#heading(level: 2, e.title)#entry-label(e)]
    if "blocks" in e { for b in e.blocks { body-block(b) } } else { for p in e.paragraphs { par(text(p)) } }
  }
}

// ---------------------------------------------------------------- corrections (勘误)
// A reissued issue tells its readers what changed since the first printing: one item per
// correction, its revision and sign-off date, the reason, and the entries it changed.
#if data.corrections.len() > 0 {
  set par(first-line-indent: 0pt, justify: false, leading: 0.6em)
  set text(size: 12pt)
  block(width: 100%, above: 2.4em, below: 0.8em, sticky: true, {
    line(length: 100%, stroke: 0.6pt + accent)
    align(center, text(font: heading-fonts, weight: "bold", size: 15pt, fill: accent, "勘误说明"))
  })
  for c in data.corrections {
    block(above: 0.9em, below: 0.4em, sticky: true, text(font: heading-fonts, weight: "bold", c.heading))
    block(above: 0.4em, below: 0.4em, par(hanging-indent: 3em, [#text(font: heading-fonts, "原因：")#text(c.reason)]))
    block(above: 0.4em, below: 0.4em, par(hanging-indent: 5em, [#text(font: heading-fonts, "更正条目：")#c.entries.map(text).join("；")]))
  }
}

// ---------------------------------------------------------------- back block
#let back = data.back
#let spaced(name) = box(width: 4em, name.clusters().join(h(1fr)))
#let back-line(name, value) = if value != "" { block(above: 0.5em, below: 0.5em, [#spaced(name)：#text(value)]) }
#place(bottom, float: true, clearance: 2em, block(width: 100%, breakable: false, {
  set par(first-line-indent: 0pt, justify: false, leading: 0.6em)
  set text(size: 11pt)
  line(length: 100%, stroke: 0.8pt)
  if back.notice != "" { block(width: 100%, above: 0.8em, below: 0.8em, align(center, text(font: heading-fonts, weight: "bold", back.notice))) }
  if back.recipients != "" {
    block(above: 0.8em, below: 0.8em, par(hanging-indent: 5em, [#text(font: heading-fonts, weight: "bold", "发放范围：")#text(back.recipients)]))
  }
  line(length: 100%, stroke: 0.4pt)
  block(above: 0.8em, below: 0.8em, {
    back-line("主办", back.sponsor)
    back-line("编辑出版", back.publisher)
    back-line("电话", back.phone)
    back-line("邮箱", back.email)
  })
  line(length: 100%, stroke: 0.8pt)
}))
`;
