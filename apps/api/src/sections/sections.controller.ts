import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateSectionDto, UpdateSectionDto } from './section.dto';
import { SECTION_LIST, SectionsService } from './sections.service';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, SECTION_LIST);
    const { rows, total } = await this.sections.list(query);
    response.setHeader('Content-Range', contentRange('sections', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.sections.get(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateSectionDto, @CurrentUser() user: AuthUser) {
    return this.sections.create(dto, user);
  }

  @Roles('admin')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateSectionDto, @CurrentUser() user: AuthUser) {
    return this.sections.update(id, dto, user);
  }

  @Roles('admin')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.sections.remove(id, user);
  }
}
