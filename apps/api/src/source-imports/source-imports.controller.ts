import { Body, Controller, Get, HttpCode, Param, Post, UploadedFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { invalid } from '../common/domain-errors';
import { IdParam } from '../common/validation';
import { MAX_UPLOAD_BYTES, PageFiles } from './page-files';
import { ImportBatchesService, MAX_BATCH_FILES, type UploadedPageFile } from './import-batches.service';
import { PageOriginDto, PreviewPageDto, SaveImportDto } from './source-import.dto';
import { SourceImportsService } from './source-imports.service';

/** 导入版面: a newspaper page (pasted text or a file) → articles to check → sources. */
@ApiTags('source-imports')
@ApiBearerAuth()
@Controller('source-imports')
export class SourceImportsController {
  constructor(
    private readonly imports: SourceImportsService,
    private readonly batches: ImportBatchesService,
    private readonly files: PageFiles,
  ) {}

  /** Reads a page and answers its articles; nothing is saved. */
  @Roles('admin', 'editor')
  @Post('preview')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async preview(@Body() dto: PreviewPageDto, @UploadedFile() file: UploadedPageFile | undefined) {
    if (file) {
      const page = await this.files.read(file.buffer);
      return this.imports.previewText(page.text, dto, page.kind, page.ocr);
    }
    if (dto.text === undefined) throw invalid('请提供版面文字（text）或上传文件（file）');
    return this.imports.previewText(dto.text, dto);
  }

  /** Saves the accepted articles as sources in one transaction; duplicates are skipped and named. */
  @Roles('admin', 'editor')
  @Post()
  save(@Body() dto: SaveImportDto, @CurrentUser() user: AuthUser) {
    return this.imports.save(dto, user);
  }

  /** A batch of page files (a month of pages): stored, then read, split and saved by the worker; 202 with the batch to follow. */
  @Roles('admin', 'editor')
  @Post('batches')
  @HttpCode(202)
  @UseInterceptors(FilesInterceptor('files', MAX_BATCH_FILES, { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  createBatch(@Body() dto: PageOriginDto, @UploadedFiles() files: UploadedPageFile[] | undefined, @CurrentUser() user: AuthUser) {
    return this.batches.create(dto, files ?? [], user);
  }

  /** A batch's progress: each file's outcome (saved, skipped as duplicates, or why it failed). */
  @Get('batches/:id')
  batch(@Param('id', IdParam) id: string) {
    return this.batches.get(id);
  }
}
