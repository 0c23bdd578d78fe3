import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateAnnualEntryDto, MergeAnnualEntriesDto, UpdateAnnualEntryDto, UpstreamDecisionDto } from './annual-volume.dto';
import { ANNUAL_ENTRY_LIST, AnnualEntriesService } from './annual-entries.service';

/** The events of annual volumes (react-admin resource `annual-volume-entries`, filtered by volumeId). */
@ApiTags('annual-volumes')
@ApiBearerAuth()
@Controller()
export class AnnualEntriesController {
  constructor(private readonly entries: AnnualEntriesService) {}

  @Get('annual-volume-entries')
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, ANNUAL_ENTRY_LIST);
    const { rows, total } = await this.entries.list(query);
    response.setHeader('Content-Range', contentRange('annual-volume-entries', query, rows.length, total));
    return rows;
  }

  @Get('annual-volume-entries/:id')
  get(@Param('id', IdParam) id: string) {
    return this.entries.get(id);
  }

  @Roles('admin', 'editor')
  @Post('annual-volume-entries')
  create(@Body() dto: CreateAnnualEntryDto, @CurrentUser() user: AuthUser) {
    return this.entries.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put('annual-volume-entries/:id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateAnnualEntryDto, @CurrentUser() user: AuthUser) {
    return this.entries.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete('annual-volume-entries/:id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.entries.remove(id, user);
  }

  /** 采用上游 / 保留本稿 */
  @Roles('admin', 'editor')
  @Post('annual-volume-entries/:id/upstream')
  @HttpCode(200)
  upstream(@Param('id', IdParam) id: string, @Body() dto: UpstreamDecisionDto, @CurrentUser() user: AuthUser) {
    return this.entries.decideUpstream(id, dto, user);
  }

  /** 合并 */
  @Roles('admin', 'editor')
  @Post('annual-volumes/:id/merge')
  @HttpCode(200)
  merge(@Param('id', IdParam) id: string, @Body() dto: MergeAnnualEntriesDto, @CurrentUser() user: AuthUser) {
    return this.entries.merge(id, dto, user);
  }
}
