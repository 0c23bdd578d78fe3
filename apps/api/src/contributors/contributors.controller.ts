import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, parseListQuery } from '../common/list-query';
import type { ListQueryInput } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateContributorDto, UpdateContributorDto } from './contributor.dto';
import { CONTRIBUTOR_LIST, ContributorsService } from './contributors.service';

@ApiTags('contributors')
@ApiBearerAuth()
@Controller('contributors')
export class ContributorsController {
  constructor(private readonly contributors: ContributorsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, CONTRIBUTOR_LIST);
    const { rows, total } = await this.contributors.list(query);
    response.setHeader('Content-Range', contentRange('contributors', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.contributors.get(id);
  }

  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateContributorDto, @CurrentUser() user: AuthUser) {
    return this.contributors.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateContributorDto, @CurrentUser() user: AuthUser) {
    return this.contributors.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.contributors.remove(id, user);
  }
}
