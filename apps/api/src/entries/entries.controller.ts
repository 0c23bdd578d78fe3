import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateEntryDto, UpdateEntryDto } from './entry.dto';
import { ENTRY_LIST, EntriesService } from './entries.service';

@ApiTags('entries')
@ApiBearerAuth()
@Controller('entries')
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response, @CurrentUser() user: AuthUser) {
    const query = parseListQuery(input, ENTRY_LIST);
    const { rows, total } = await this.entries.list(query, user);
    response.setHeader('Content-Range', contentRange('entries', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.entries.get(id);
  }

  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateEntryDto, @CurrentUser() user: AuthUser) {
    return this.entries.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateEntryDto, @CurrentUser() user: AuthUser) {
    return this.entries.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.entries.remove(id, user);
  }
}
