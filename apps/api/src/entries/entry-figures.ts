import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { IMAGE_OMISSION_TEXT, MAX_IMAGE_PIXELS } from '@dsyb/domain';
import { htmlToBlocks } from '@dsyb/rich-text';
import { invalid } from '../common/domain-errors';

// Decoded images are not kept: each is decoded once, to be checked, and dropped.
sharp.cache(false);

/**
 * Refuses a body with a figure that cannot be decoded, naming the figure and the problem:
 * "第2幅图片已损坏或不完整，无法解码（PNG 数据被截断）". A truncated or corrupt file has a valid
 * header, so only decoding the whole image finds it out; otherwise it would be saved and fail the
 * issue's render later. Figures are numbered as the PDF has them (libs/rich-text htmlToBlocks);
 * `whose` names the entry where one request changes several (条目《…》).
 *
 * Decoded by sharp (libvips with libpng and libjpeg-turbo) in its own threads, off the event
 * loop, one figure at a time. Images the PDF prints as placeholders anyway (a web address, a GIF,
 * over the size limit) are left to the placeholder, as before.
 */
export async function assertFiguresDecode(bodyHtml: string, whose = ''): Promise<void> {
  let number = 0;
  for (const block of htmlToBlocks(bodyHtml)) {
    if (block.type !== 'figure') continue;
    number += 1;
    const { image } = block;
    const problem =
      image.kind === 'embedded'
        ? await decodingProblem(Buffer.from(image.base64, 'base64'), image.mediaType)
        : image.reason === 'invalid'
          ? IMAGE_OMISSION_TEXT.invalid
          : null;
    if (problem) throw invalid(`${whose}第${number}幅图片已损坏或不完整，无法解码（${problem}）`, { figure: number, problem });
  }
}

/** Why the image does not decode, in Chinese; null when it decodes whole. */
export async function decodingProblem(bytes: Buffer, mediaType: 'image/png' | 'image/jpeg'): Promise<string | null> {
  const format = mediaType === 'image/png' ? 'PNG' : 'JPEG';
  if (format === 'PNG') {
    const structure = pngStructureProblem(bytes);
    if (structure) return structure;
  }
  try {
    // stats() reads every pixel, streaming (sequentialRead), without keeping the decoded image.
    await sharp(bytes, { failOn: 'error', sequentialRead: true, limitInputPixels: MAX_IMAGE_PIXELS }).stats();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /premature end|truncated|unexpected end/i.test(message) ? `${format} 数据被截断` : `${format} 图像数据已损坏`;
  }
}

/**
 * A PNG is a signature and chunks (length, type, data, CRC-32) up to IEND. A file cut short, or
 * one whose last chunks are missing, is truncated; a chunk whose checksum does not match is
 * corrupt. libpng lets a missing IEND or a bad ancillary checksum pass, Typst's decoder does not.
 */
function pngStructureProblem(bytes: Buffer): string | null {
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return 'PNG 数据被截断';
    const length = bytes.readUInt32BE(at);
    if (at + 12 + length > bytes.length) return 'PNG 数据被截断';
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0 !== bytes.readUInt32BE(at + 8 + length)) return 'PNG 数据校验错误';
    if (type === 'IEND') return null;
    at += 12 + length;
  }
}

