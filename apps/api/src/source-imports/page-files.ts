import { Injectable } from '@nestjs/common';
import { extractPageText, IntakeFileError, MAX_PAGE_FILE_BYTES, type ExtractedPage } from '@dsyb/intake';
import { invalid } from '../common/domain-errors';

/** Multer's own ceiling, above the checked limit so an oversized file gets our Chinese message. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** An uploaded page file → its text, checked by content; a file we cannot read is a 400 that says why. */
@Injectable()
export class PageFiles {
  async read(bytes: Buffer): Promise<ExtractedPage> {
    if (bytes.length === 0) throw invalid('上传的文件是空的');
    if (bytes.length > MAX_PAGE_FILE_BYTES) {
      throw invalid(`文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB）：一个版面的文件不超过 ${MAX_PAGE_FILE_BYTES / 1024 / 1024} MB`);
    }
    try {
      return await extractPageText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    } catch (error) {
      if (error instanceof IntakeFileError) throw invalid(error.message);
      throw error;
    }
  }
}
