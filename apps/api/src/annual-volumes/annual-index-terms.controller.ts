import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateIndexTermDto, UpdateIndexTermDto } from './annual-volume.dto';
import { AnnualIndexTermsService, INDEX_TERM_LIST } from './annual-index-terms.service';

/** The index terms of annual volumes (react-admin resource `annual-index-terms`, filtered by volumeId). */
@ApiTags('annual-volumes')
@ApiBearerAuth()
@Controller()
export class AnnualIndexTermsController {
  constructor(private readonly terms: AnnualIndexTermsService) {}

  @Get('annual-index-terms')
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, INDEX_TERM_LIST);
    const { rows, total } = await this.terms.list(query);
    response.setHeader('Content-Range', contentRange('annual-index-terms', query, rows.length, total));
    return rows;
  }

  @Get('annual-index-terms/:id')
  get(@Param('id', IdParam) id: string) {
    return this.terms.get(id);
  }

  @Roles('admin', 'editor')
  @Post('annual-index-terms')
  create(@Body() dto: CreateIndexTermDto, @CurrentUser() user: AuthUser) {
    return this.terms.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put('annual-index-terms/:id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateIndexTermDto, @CurrentUser() user: AuthUser) {
    return this.terms.update(id, dto, user);
  }

  /** 提取索引词 */
  @Roles('admin', 'editor')
  @Post('annual-volumes/:id/index-terms/propose')
  @HttpCode(200)
  propose(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.terms.propose(id, user);
  }
}
