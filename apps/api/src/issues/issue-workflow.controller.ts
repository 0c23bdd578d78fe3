import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { ConfirmedTransitionDto, ReturnDto, TransitionDto } from '../common/transition.dto';
import { IdParam } from '../common/validation';
import { IssueWorkflowService } from './issue-workflow.service';

/**
 * An issue's way to publication: 送审, return, 签发, 发布, and the history of it. No route-level
 * roles: who may do what, in which state, is decided by the workflow library in the service,
 * which answers 403 or 409 with the reason.
 */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class IssueWorkflowController {
  constructor(private readonly issues: IssueWorkflowService) {}

  /** 送审 */
  @Post('issues/:id/submit-review')
  @HttpCode(200)
  submitIssue(@Param('id', IdParam) id: string, @Body() dto: ConfirmedTransitionDto, @CurrentUser() user: AuthUser) {
    return this.issues.transition(id, 'submit_review', dto, user);
  }

  /** 签发 */
  @Post('issues/:id/sign-off')
  @HttpCode(200)
  signOff(@Param('id', IdParam) id: string, @Body() dto: ConfirmedTransitionDto, @CurrentUser() user: AuthUser) {
    return this.issues.transition(id, 'sign_off', dto, user);
  }

  /** 发布: freezes the issue. */
  @Post('issues/:id/publish')
  @HttpCode(200)
  publish(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.issues.transition(id, 'publish', dto, user);
  }

  /** 退回: from review, or withdrawing the sign-off before publication. */
  @Post('issues/:id/return')
  @HttpCode(200)
  returnIssue(@Param('id', IdParam) id: string, @Body() dto: ReturnDto, @CurrentUser() user: AuthUser) {
    return this.issues.transition(id, 'return', dto, user);
  }

  @Get('issues/:id/history')
  history(@Param('id', IdParam) id: string) {
    return this.issues.history(id);
  }
}
