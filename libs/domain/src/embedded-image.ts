import type { EmbeddedImage, ImageOmission } from './issue-snapshot';

/**
 * Which images an entry body may carry into the PDF, decided from the bytes themselves.
 *
 * Used twice: when the snapshot is built from the stored HTML (an image that fails becomes an
 * omitted image, printed as a placeholder) and again by the typesetter before the bytes reach
 * Typst (a snapshot is never trusted). Only PNG and JPEG: Typst also reads GIF, WebP and SVG,
 * but an SVG can name other files, and the editor only needs photos and scans.
 *
 * The limits exist because the typesetting thread decodes every image in memory: 5 MB of
 * compressed bytes, and a pixel count that keeps one decoded image below ~100 MB (a PNG of a
 * few kilobytes can declare 50 000 × 50 000 pixels).
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 25_000_000;
export const MAX_IMAGE_SIDE = 12_000;

export type ImageFormat = 'png' | 'jpeg';

export interface ImageHeader {
  format: ImageFormat;
  /** In pixels, from the PNG IHDR chunk or the JPEG start-of-frame segment. */
  width: number;
  height: number;
}

export type ImageCheck = { ok: true; header: ImageHeader } | { ok: false; problem: Exclude<ImageOmission, 'remote' | 'missing'> };

/** Why an image is not printed, in words an editor can act on. */
export const IMAGE_OMISSION_TEXT: Readonly<Record<ImageOmission, string>> = {
  remote: '网络图片不会下载，请在编辑器中上传图片文件',
  unsupported: '只能嵌入 PNG 或 JPEG 图片',
  'too-large': `图片过大（上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB、${MAX_IMAGE_PIXELS / 10_000} 万像素）`,
  invalid: '图片数据已损坏或与其格式不符',
  missing: '缺少图片',
};

const MEDIA_TYPES: Readonly<Record<ImageFormat, EmbeddedImage['mediaType']>> = { png: 'image/png', jpeg: 'image/jpeg' };

/**
 * Reads an `<img src>` value. Only `data:image/png` and `data:image/jpeg` URLs with base64
 * content are embedded; http(s) addresses are never fetched.
 */
export function imageFromSource(src: string | undefined): EmbeddedImage | { kind: 'omitted'; reason: ImageOmission } {
  const source = (src ?? '').trim();
  if (source === '') return { kind: 'omitted', reason: 'missing' };
  if (/^https?:/i.test(source)) return { kind: 'omitted', reason: 'remote' };
  const match = /^data:([^;,]*)((?:;[^;,]*)*),/i.exec(source);
  if (!match) return { kind: 'omitted', reason: 'unsupported' };
  const mediaType = match[1].trim().toLowerCase();
  const isBase64 = match[2].split(';').some((parameter) => parameter.trim().toLowerCase() === 'base64');
  if ((mediaType !== 'image/png' && mediaType !== 'image/jpeg') || !isBase64) return { kind: 'omitted', reason: 'unsupported' };
  const checked = checkBase64Image(source.slice(match[0].length));
  if (!checked.ok) return { kind: 'omitted', reason: checked.problem };
  // The type read from the bytes wins over the declared one (a .jpg saved as image/png is common).
  return { kind: 'embedded', mediaType: MEDIA_TYPES[checked.header.format], base64: checked.base64 };
}

/**
 * Decodes base64 image data and checks it. Returns the canonical base64 (whitespace removed),
 * the bytes and the header, or the problem.
 */
export function checkBase64Image(
  base64: string,
): { ok: true; base64: string; bytes: Uint8Array; header: ImageHeader } | { ok: false; problem: Exclude<ImageOmission, 'remote' | 'missing'> } {
  if (typeof base64 !== 'string') return { ok: false, problem: 'invalid' };
  // Judged by length first, so a 500 MB string is refused without being copied or decoded.
  if (Math.floor((base64.length * 3) / 4) > MAX_IMAGE_BYTES * 1.05 + 64) return { ok: false, problem: 'too-large' };
  const compact = base64.replace(/[\t\n\f\r ]+/g, '');
  // Strict alphabet: Buffer.from(…, 'base64') would silently skip any junk in the middle.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return { ok: false, problem: 'invalid' };
  const bytes = Buffer.from(compact, 'base64');
  const checked = checkImageBytes(bytes);
  return checked.ok ? { ok: true, base64: compact, bytes, header: checked.header } : checked;
}

/** PNG or JPEG within the limits, judged from the magic number and the header. */
export function checkImageBytes(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, problem: 'too-large' };
  const header = isPng(bytes) ? pngHeader(bytes) : isJpeg(bytes) ? jpegHeader(bytes) : 'unsupported';
  if (typeof header === 'string') return { ok: false, problem: header };
  const { width, height } = header;
  if (width < 1 || height < 1) return { ok: false, problem: 'invalid' };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) return { ok: false, problem: 'too-large' };
  return { ok: true, header };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] << 8) | bytes[at + 1];
const u32 = (bytes: Uint8Array, at: number): number => ((bytes[at] << 24) >>> 0) + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);

/** The first chunk of a PNG must be IHDR (13 bytes: width, height, depth, colour type, …). */
function pngHeader(bytes: Uint8Array): ImageHeader | 'invalid' {
  if (bytes.length < 33 || u32(bytes, 8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return 'invalid';
  return { format: 'png', width: u32(bytes, 16), height: u32(bytes, 20) };
}

/**
 * Walks the JPEG segments up to the start-of-frame marker, which holds the dimensions.
 * Baseline (SOF0), extended (SOF1) and progressive (SOF2) JPEGs are what cameras and scanners
 * write and what Typst decodes; lossless and arithmetic-coded ones are refused here rather than
 * failing inside the compiler.
 */
function jpegHeader(bytes: Uint8Array): ImageHeader | 'invalid' | 'unsupported' {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return 'invalid';
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'invalid'; // image data or end before any frame header
    const length = u16(bytes, at + 2);
    if (length < 2) return 'invalid';
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (marker > 0xc2) return 'unsupported';
      if (at + 9 > bytes.length) return 'invalid';
      return { format: 'jpeg', height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return 'invalid';
}
