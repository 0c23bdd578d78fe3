import { StreamableFile } from '@nestjs/common';
import { TypesetError } from '@dsyb/typeset';
import { conflict } from './domain-errors';

/** A file the browser saves under `filename` (UTF-8, as RFC 6266 allows for Chinese names). */
export function download(content: Buffer, type: string, filename: string): StreamableFile {
  return new StreamableFile(content, { type, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`, length: content.length });
}

export const WORD_DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The .docx a Word export builds (@dsyb/typeset buildIssueDocx, buildAnnualVolumeDocx), served with
 * `download(content, WORD_DOCUMENT_TYPE, filename)`. Content the export cannot write (TypesetError:
 * an empty 刊名, an unreadable image…) is a 409 saying why, naming `what` ("总第97期").
 */
export function wordExport(docx: Promise<Buffer>, what: string): Promise<Buffer> {
  return docx.catch((error: unknown) => {
    throw error instanceof TypesetError ? conflict(`${what}无法导出为 Word 文档：${error.message}`) : error;
  });
}
