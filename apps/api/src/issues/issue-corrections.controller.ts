import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { ReturnDto, TransitionDto } from '../common/transition.dto';
import { IdParam } from '../common/validation';
import { CreateCorrectionDto } from './issue-correction.dto';
import { IssueCorrectionsService } from './issue-corrections.service';

/**
 * 勘误 of a published issue: started by an editor, signed off or returned by a reviewer. No
 * route-level roles: the workflow library decides in the service, which answers 403 or 409 with the reason.
 */
@ApiTags('issues')
@ApiBearerAuth()
@Controller('issues/:id/corrections')
export class IssueCorrectionsController {
  constructor(private readonly corrections: IssueCorrectionsService) {}

  @Get()
  list(@Param('id', IdParam) id: string) {
    return this.corrections.list(id);
  }

  /** The entries' present wording, which a correction starts from. */
  @Get('wording')
  wording(@Param('id', IdParam) id: string) {
    return this.corrections.wording(id);
  }

  /** 发起勘误 */
  @Post()
  start(@Param('id', IdParam) id: string, @Body() dto: CreateCorrectionDto, @CurrentUser() user: AuthUser) {
    return this.corrections.start(id, dto, user);
  }

  /** 签发勘误: the issue is reissued as a new revision with a new final PDF. */
  @Post(':correctionId/sign-off')
  @HttpCode(200)
  signOff(@Param('id', IdParam) id: string, @Param('correctionId', IdParam) correctionId: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.corrections.signOff(id, correctionId, dto, user);
  }

  /** 退回勘误 */
  @Post(':correctionId/return')
  @HttpCode(200)
  returnCorrection(@Param('id', IdParam) id: string, @Param('correctionId', IdParam) correctionId: string, @Body() dto: ReturnDto, @CurrentUser() user: AuthUser) {
    return this.corrections.returnRequest(id, correctionId, dto, user);
  }
}
