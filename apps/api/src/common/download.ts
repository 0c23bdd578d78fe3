import { StreamableFile } from '@nestjs/common';

/** A file the browser saves under `filename` (UTF-8, as RFC 6266 allows for Chinese names). */
export function download(content: Buffer, type: string, filename: string): StreamableFile {
  return new StreamableFile(content, { type, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`, length: content.length });
}
