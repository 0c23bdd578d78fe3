import { Injectable } from '@nestjs/common';
import { parsePage, type ParsedPage } from '@dsyb/intake';
import { parseIsoDate } from '@dsyb/domain';
import { importArticles, type ImportResult } from '@dsyb/db';
import type { AuthUser } from '../auth/auth.types';
import { invalid } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import type { PageOriginDto, SaveImportDto } from './source-import.dto';

export interface PagePreview extends ParsedPage {
  /** How the page was read: pasted text, or the uploaded file's kind. */
  kind: 'text' | 'pdf' | 'docx' | 'image';
  ocr: boolean;
}

/** Control characters other than tab and line breaks, and the replacement character: bytes that were never text. */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** Text that is not a page's words: binary sent as text. */
export function assertReadableText(text: string): void {
  const bad = text.match(NOT_TEXT)?.length ?? 0;
  if (bad > 0) throw invalid(`文字中含有 ${bad} 个控制字符或乱码，不像是版面文字（可能把二进制文件当作文字粘贴了）：请粘贴版面文字，或直接上传 PDF、Word 或图片文件`);
}

@Injectable()
export class SourceImportsService {
  constructor(private readonly prisma: PrismaService, private readonly search: SearchService) {}

  /** Splits a page into articles without saving anything. */
  previewText(text: string, origin: PageOriginDto, kind: PagePreview['kind'] = 'text', ocr = false): PagePreview {
    assertReadableText(text);
    return { ...parsePage(text, { issueDate: origin.issueDate, newspaper: origin.newspaper }), kind, ocr };
  }

  /** Saves the accepted articles as sources in one transaction (libs/db importArticles); duplicates are skipped and named. */
  async save(dto: SaveImportDto, user: AuthUser): Promise<ImportResult> {
    const newspaper = dto.newspaper.trim();
    if (!newspaper) throw invalid('报纸名称不能为空');
    dto.articles.forEach((article, index) => {
      try {
        assertReadableText(article.headline + article.text);
      } catch {
        throw invalid(`第 ${index + 1} 篇文章（${article.headline.slice(0, 30)}）含有控制字符或乱码，未保存任何文章`);
      }
    });
    return importArticles(this.prisma, { newspaper, issueDate: dto.issueDate ? parseIsoDate(dto.issueDate) : null, page: dto.page?.trim() || null, articles: dto.articles }, user, (tx, ids) => this.search.index(tx, { source: ids }));
  }
}
