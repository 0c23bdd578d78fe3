import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { IdParam } from '../common/validation';
import { CreateCorrectionDto } from './issue-correction.dto';
import { IssueCorrectionsService } from './issue-corrections.service';

@ApiTags('issues')
@ApiBearerAuth()
@Controller('issues/:id/corrections')
export class IssueCorrectionsController {
  constructor(private readonly corrections: IssueCorrectionsService) {}

  @Get()
  list(@Param('id', IdParam) id: string) {
    return this.corrections.list(id);
  }

  /** Those who may publish may correct what was published. */
  @Roles('admin', 'reviewer')
  @Post()
  create(@Param('id', IdParam) id: string, @Body() dto: CreateCorrectionDto, @CurrentUser() user: AuthUser) {
    return this.corrections.create(id, dto, user);
  }
}
