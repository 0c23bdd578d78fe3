import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, parseListQuery } from '../common/list-query';
import type { ListQueryInput } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateRecipientDto, UpdateRecipientDto } from './recipient.dto';
import { RECIPIENT_LIST, RecipientsService } from './recipients.service';

@ApiTags('recipients')
@ApiBearerAuth()
@Controller('recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, RECIPIENT_LIST);
    const { rows, total } = await this.recipients.list(query);
    response.setHeader('Content-Range', contentRange('recipients', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.recipients.get(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateRecipientDto, @CurrentUser() user: AuthUser) {
    return this.recipients.create(dto, user);
  }

  @Roles('admin')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateRecipientDto, @CurrentUser() user: AuthUser) {
    return this.recipients.update(id, dto, user);
  }

  @Roles('admin')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.recipients.remove(id, user);
  }
}
