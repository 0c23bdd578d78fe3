import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type ListQueryInput } from '../common/list-query';
import { AUDIT_LIST, AuditService, type AuditFilter } from './audit.service';

/** The audit trail, read-only: admins list and filter it. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery<AuditFilter>(input, AUDIT_LIST);
    const { rows, total } = await this.audit.list(query);
    response.setHeader('Content-Range', contentRange('audit-events', query, rows.length, total));
    return rows;
  }
}
