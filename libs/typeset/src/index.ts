export { buildTypstSource } from './typst-source';
export { renderIssuePdf, type RenderedIssue } from './render-issue-pdf';
export { warmUpTypesetter } from './typesetter';
export { renderStampPdf, type StampPageSize } from './render-stamp-pdf';
export { TypesetError, type TypstDiagnostic } from './typeset-error';
export { bundledFontPaths, SANS_FAMILY, SERIF_FAMILY } from './bundled-fonts';
export type { TypesetMargins, TypesetSettings } from './typeset-settings';
