import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { download, WORD_DOCUMENT_TYPE } from '../common/download';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { IdParam } from '../common/validation';
import { IssueExportService } from './issue-export.service';
import { CreateIssueDto, UpdateIssueDto } from './issue.dto';
import { ISSUE_LIST, IssuesService } from './issues.service';

@ApiTags('issues')
@ApiBearerAuth()
@Controller('issues')
export class IssuesController {
  constructor(private readonly issues: IssuesService, private readonly exports: IssueExportService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, ISSUE_LIST);
    const { rows, total } = await this.issues.list(query);
    response.setHeader('Content-Range', contentRange('issues', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.issues.get(id);
  }

  /** 导出 Word (any role): the publication of a published issue, else the issue as a proof would print it now. */
  @Get(':id/export.docx')
  async exportDocx(@Param('id', IdParam) id: string) {
    const { content, filename } = await this.exports.docx(id);
    return download(content, WORD_DOCUMENT_TYPE, filename);
  }

  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateIssueDto, @CurrentUser() user: AuthUser) {
    return this.issues.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateIssueDto, @CurrentUser() user: AuthUser) {
    return this.issues.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.issues.remove(id, user);
  }
}
