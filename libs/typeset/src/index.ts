export { buildTypstSource } from './typst-source';
export { renderIssuePdf, type RenderedIssue } from './render-issue-pdf';
export { buildAnnualVolumeTypstSource, renderAnnualVolumePdf, type RenderedAnnualVolume } from './render-annual-volume-pdf';
export { missingGlyphs, warmUpTypesetter, type MissingGlyph } from './typesetter';
export { renderStampPdf, type StampPageSize } from './render-stamp-pdf';
export { renderDeliveryRegisterPdf, type RenderedRegister } from './render-delivery-register';
export { buildDeliveryRegisterXlsx } from './delivery-register-xlsx';
export {
  DELIVERY_METHOD_LABELS,
  DELIVERY_REGISTER_STATUSES,
  DELIVERY_STATUS_LABELS,
  type DeliveryRegister,
  type DeliveryRegisterRow,
  type DeliveryRegisterStatus,
} from './delivery-register';
export { TypesetError, type TypstDiagnostic } from './typeset-error';
export { bundledFontPaths, SANS_FAMILY, SERIF_FAMILY } from './bundled-fonts';
export type { TypesetMargins, TypesetSettings } from './typeset-settings';
export { lowResolutionFigures } from './figure-resolution';
export { buildAnnualVolumeDocx, buildIssueDocx } from './docx-export';
