import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, parseListQuery } from '../common/list-query';
import type { ListQueryInput } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateSourceDto, UpdateSourceDto } from './source.dto';
import { DraftEntriesDto, DraftEntryDto } from './source-draft.dto';
import { SourceDraftsService } from './source-drafts.service';
import { SOURCE_LIST, SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService, private readonly drafts: SourceDraftsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, SOURCE_LIST);
    const { rows, total } = await this.sources.list(query);
    response.setHeader('Content-Range', contentRange('sources', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.sources.get(id);
  }

  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateSourceDto, @CurrentUser() user: AuthUser) {
    return this.sources.create(dto, user);
  }

  /** 据此起草条目 for several sources: { created: [entries], failed: [{ sourceId, message }] }. */
  @Roles('admin', 'editor')
  @Post('draft-entries')
  draftEntries(@Body() dto: DraftEntriesDto, @CurrentUser() user: AuthUser) {
    return this.drafts.draftEntries(dto, user);
  }

  /** 据此起草条目: a draft entry from this source, in the given issue and section. */
  @Roles('admin', 'editor')
  @Post(':id/draft-entry')
  draftEntry(@Param('id', IdParam) id: string, @Body() dto: DraftEntryDto, @CurrentUser() user: AuthUser) {
    return this.drafts.draftEntry(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateSourceDto, @CurrentUser() user: AuthUser) {
    return this.sources.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.sources.remove(id, user);
  }
}
