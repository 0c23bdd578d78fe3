import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { contentRange, parseListQuery } from '../common/list-query';
import type { ListQueryInput } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

/** Accounts are managed by administrators only; responses never include the password hash. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, USER_LIST);
    const { rows, total } = await this.users.list(query);
    response.setHeader('Content-Range', contentRange('users', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() user: AuthUser) {
    return this.users.create(dto, user);
  }

  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateUserDto, @CurrentUser() user: AuthUser) {
    return this.users.update(id, dto, user);
  }

  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.users.remove(id, user);
  }
}
