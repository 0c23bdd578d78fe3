/** Chinese body text as printed: serif, justified, paragraphs with a two-character first-line indent. */
export const entryBodySx = {
  fontFamily: '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
  fontSize: '1.05rem',
  lineHeight: 1.9,
  maxWidth: '46em',
  textAlign: 'justify',
  '& p': { textIndent: '2em', my: 0.75 },
  '& li p': { textIndent: 0 },
} as const;
