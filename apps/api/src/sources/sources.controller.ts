import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, parseListQuery } from '../common/list-query';
import type { ListQueryInput } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateSourceDto, UpdateSourceDto } from './source.dto';
import { SOURCE_LIST, SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

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
