const serif = '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif';
const sans = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Chinese body text as printed: serif, justified, paragraphs with a two-character first-line
 * indent; a figure centred, its caption in sans-serif under it (as libs/typeset prints them).
 */
export const entryBodySx = {
  fontFamily: serif,
  fontSize: '1.05rem',
  lineHeight: 1.9,
  maxWidth: '46em',
  textAlign: 'justify',
  '& p': { textIndent: '2em', my: 0.75 },
  '& li p': { textIndent: 0 },
  '& figure': { position: 'relative', mx: 0, my: 2, textAlign: 'center' },
  '& figure img': { display: 'block', mx: 'auto', maxWidth: '100%', maxHeight: '28rem', height: 'auto' },
  '& figcaption': { mt: 1, fontFamily: sans, fontSize: '0.9rem', lineHeight: 1.6, textAlign: 'center', textIndent: 0 },
  // A caption prints in one weight (libs/rich-text): bold kept by bodies stored before captions were plain text is not shown.
  '& figcaption strong, & figcaption b': { fontWeight: 'inherit' },
} as const;

/** The parts of a figure only the editor shows (EntryBodyFigure): selection, delete button, caption field. */
export const entryFigureEditingSx = {
  '& .entry-figure': { p: 1, borderRadius: 1, outline: '1px dashed transparent' },
  '& .entry-figure:hover': { outlineColor: 'divider' },
  '& .entry-figure.ProseMirror-selectednode': { outline: '2px solid', outlineColor: 'primary.main' },
  '& .entry-figure-frame': { position: 'relative', display: 'inline-block', maxWidth: '100%', verticalAlign: 'top' },
  '& .entry-figure-remove': {
    position: 'absolute',
    top: -12,
    right: -12,
    width: 32,
    height: 32,
    border: 0,
    borderRadius: '50%',
    bgcolor: 'rgba(0, 0, 0, 0.6)',
    color: '#fff',
    fontSize: '1rem',
    cursor: 'pointer',
    '&:hover, &:focus-visible': { bgcolor: 'error.main' },
  },
  '& .entry-figure-warning': { mt: 0.5, fontFamily: sans, fontSize: '0.8rem', color: 'warning.dark' },
  '& .entry-figure-caption': {
    display: 'block',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '36em',
    mx: 'auto',
    mt: 1,
    px: 1,
    py: 0.5,
    fontFamily: sans,
    fontSize: '0.9rem',
    textAlign: 'center',
    color: 'text.primary',
    bgcolor: 'transparent',
    border: 0,
    borderBottom: '1px solid',
    borderColor: 'divider',
    outline: 'none',
    '&:focus': { borderColor: 'primary.main' },
  },
} as const;
