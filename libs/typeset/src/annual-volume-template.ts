import { TYPST_COMMON } from './typst-template';

/**
 * The annual volume (年度大事记) layout, as Typst markup: the monthly issue's fonts, page,
 * typography, body blocks, cover and contents (TYPST_COMMON), with the volume's own order —
 * cover, 目录 by month, the events month by month, and the 索引. Like the template it is
 * a constant behind one `data` line (annual-volume-data.ts), and prints every value of `data`
 * with text(...).
 *
 * The index's page numbers come from Typst itself: every occurrence of a term carries an
 * invisible mark (index-mark in TYPST_COMMON), and the index asks, in one query, on which page
 * each mark was printed.
 */
export const ANNUAL_VOLUME_TEMPLATE = String.raw`
${TYPST_COMMON}
#let month-label(m) = label("dsyb-month-" + str(m.month))

// ---------------------------------------------------------------- cover and contents
#cover-page(data.cover.title, ((data.cover.year, 20pt),), data.cover.compiler, data.cover.date)
#pagebreak()

#toc-page({
  for m in data.months { toc-line(month-label(m), width => text(m.name)) }
  if data.index != none { toc-line(<dsyb-index>, width => text("索引")) }
})

// ---------------------------------------------------------------- events, month by month
#set page(footer: page-footer)
#if data.numbering == "from-body" { counter(page).update(1) }
// Where numbered pages start: the index turns the pages its marks are on into printed numbers from here.
#metadata(none) <dsyb-body-start>

// An event: its date (9月17日, or 是月) and its title in bold, then its text. The title's index
// marks are put before it, in the same unbreakable block: they are on the title's page.
// Sticky, so a title never stays alone at the foot of a page.
#let event-heading(e) = block(width: 100%, above: 1.5em, below: 0.75em, sticky: true, breakable: false, {
  for term in e.titleTerms { index-mark(term) }
  set par(first-line-indent: 0pt, justify: false, linebreaks: "optimized")
  set text(font: heading-fonts, weight: "bold", costs: (runt: 1000%))
  grid(
    columns: (auto, 1fr), column-gutter: 1em,
    text(fill: accent, e.date),
    layout(size => title-text(e.title, size.width)),
  )
})

#for m in data.months {
  [#heading(level: 1, m.name)#month-label(m)]
  for e in m.entries {
    event-heading(e)
    for b in e.blocks { body-block(b) }
  }
}

// ---------------------------------------------------------------- index (索引)
// Terms under their kind and initial letter, each followed by the pages its marks were printed
// on: merged, ascending, as printed at the foot of those pages. Each number is a box with its
// comma: a line breaks only after a comma, and the punctuation rule meets one comma at a time
// (Typst gives up on one stretch of text with some 500 matches: "maximum grouping depth
// exceeded", which a common name's thousand pages would reach).
#let index-entry(term, numbers) = par(hanging-indent: 2em, {
  text(term)
  h(1em)
  for (i, n) in numbers.enumerate() { box(if i + 1 < numbers.len() { str(n) + "，" } else { str(n) }) }
})
#if data.index != none {
  pagebreak(weak: true)
  [#heading(level: 1, "索引")<dsyb-index>]
  context {
    let start = locate(<dsyb-body-start>)
    let shift = counter(page).at(start).first() - start.page()
    let pages = (:)
    for mark in query(<dsyb-index-mark>) {
      let key = str(mark.value)
      if key not in pages { pages.insert(key, ()) }
      pages.at(key).push(mark.location().page() + shift)
    }
    // Two columns, each filled to the foot of the page before the next, as printed indexes run.
    columns(2, gutter: 2em, {
      set par(first-line-indent: 0pt, justify: false, leading: 0.5em, spacing: 0.5em)
      for group in data.index.groups {
        block(width: 100%, above: 1.6em, below: 0.9em, sticky: true, align(center, text(font: heading-fonts, weight: "bold", size: 13pt, fill: accent, group.heading)))
        set text(size: 10.5pt)
        for letter in group.letters {
          block(above: 1em, below: 0.5em, sticky: true, text(font: heading-fonts, weight: "bold", size: 12pt, letter.letter))
          for t in letter.terms { index-entry(t.term, pages.at(str(t.id), default: ()).sorted().dedup()) }
        }
      }
    })
  }
}
`;
