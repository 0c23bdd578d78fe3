import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { RequestRenditionDto } from '../issues/issue.dto';
import { RENDITION_LIST, RenditionsService } from './renditions.service';

@ApiTags('renditions')
@ApiBearerAuth()
@Controller()
export class RenditionsController {
  constructor(private readonly renditions: RenditionsService) {}

  /** 202: the rendition is queued (or already exists for this content); poll GET /api/renditions/:id. */
  @Post('issues/:id/renditions')
  @HttpCode(202)
  async request(@Param('id', IdParam) issueId: string, @Body() dto: RequestRenditionDto, @CurrentUser() user: AuthUser) {
    const { rendition } = await this.renditions.request(issueId, dto.kind ?? 'proof', user);
    return rendition;
  }

  @Get('renditions')
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, RENDITION_LIST);
    const { rows, total } = await this.renditions.list(query);
    response.setHeader('Content-Range', contentRange('renditions', query, rows.length, total));
    return rows;
  }

  @Get('renditions/:id')
  get(@Param('id', IdParam) id: string) {
    return this.renditions.get(id);
  }

  @Get('renditions/:id/file')
  async file(@Param('id', IdParam) id: string) {
    const { content, filename } = await this.renditions.file(id);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      length: content.length,
    });
  }
}
