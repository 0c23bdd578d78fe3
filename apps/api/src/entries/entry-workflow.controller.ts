import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { IdParam } from '../common/validation';
import { EntryWorkflowService } from './entry-workflow.service';
import { ReturnDto, TransitionDto } from '../common/transition.dto';
import { CommentDto } from './entry-comment.dto';

/**
 * An entry's review: submit, withdraw, approve, return, and its review comments. No route-level
 * roles: who may do what, in which state, is decided by the workflow library in the service,
 * which answers 403 or 409 with the reason.
 */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class EntryWorkflowController {
  constructor(private readonly entries: EntryWorkflowService) {}

  /** 提交审核, or 重新提交 after a return. */
  @Post('entries/:id/submit')
  @HttpCode(200)
  submitEntry(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.entries.transition(id, 'submit', dto, user);
  }

  /** 撤回: the editor takes a submitted entry back to draft to change it. */
  @Post('entries/:id/withdraw')
  @HttpCode(200)
  withdrawEntry(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.entries.transition(id, 'withdraw', dto, user);
  }

  @Post('entries/:id/approve')
  @HttpCode(200)
  approveEntry(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.entries.transition(id, 'approve', dto, user);
  }

  /** 退回修改, with the comment saying what to change (kept as a review comment). */
  @Post('entries/:id/return')
  @HttpCode(200)
  returnEntry(@Param('id', IdParam) id: string, @Body() dto: ReturnDto, @CurrentUser() user: AuthUser) {
    return this.entries.transition(id, 'return', dto, user);
  }

  @Get('entries/:id/comments')
  comments(@Param('id', IdParam) id: string) {
    return this.entries.comments(id);
  }

  @Post('entries/:id/comments')
  addComment(@Param('id', IdParam) id: string, @Body() dto: CommentDto, @CurrentUser() user: AuthUser) {
    return this.entries.addComment(id, dto, user);
  }
}
