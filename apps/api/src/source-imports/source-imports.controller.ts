import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { invalid } from '../common/domain-errors';
import { PreviewPageDto, SaveImportDto } from './source-import.dto';
import { SourceImportsService } from './source-imports.service';

/** 导入版面: a newspaper page (pasted text or a file) → articles to check → sources. */
@ApiTags('source-imports')
@ApiBearerAuth()
@Controller('source-imports')
export class SourceImportsController {
  constructor(private readonly imports: SourceImportsService) {}

  /** Reads a page and answers its articles; nothing is saved. */
  @Roles('admin', 'editor')
  @Post('preview')
  @HttpCode(200)
  async preview(@Body() dto: PreviewPageDto) {
    if (dto.text === undefined) throw invalid('请提供版面文字（text）或上传文件（file）');
    return this.imports.previewText(dto.text, dto);
  }

  /** Saves the accepted articles as sources in one transaction; duplicates are skipped and named. */
  @Roles('admin', 'editor')
  @Post()
  save(@Body() dto: SaveImportDto, @CurrentUser() user: AuthUser) {
    return this.imports.save(dto, user);
  }
}
