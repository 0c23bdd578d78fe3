import { Body, Controller, Get, Param, ParseBoolPipe, Post, Query } from '@nestjs/common';
import { buildDeliveryRegisterXlsx, renderDeliveryRegisterPdf } from '@dsyb/typeset';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { download } from '../common/download';
import { IdParam } from '../common/validation';
import { DeliveriesService } from './deliveries.service';
import { DispatchesService } from './dispatches.service';
import { PaperReceiptDto } from './distribution.dto';
import { RequestOrigin } from './request-origin';

/** 分发 and 发放情况: dispatching a published issue, and the board of its deliveries. */
@ApiTags('distribution')
@ApiBearerAuth()
@Controller()
export class DistributionController {
  constructor(private readonly dispatches: DispatchesService, private readonly deliveries: DeliveriesService) {}

  /** 201 with every delivery and its full link: the only time the links are shown whole. */
  @Roles('editor', 'admin')
  @Post('issues/:id/dispatches')
  dispatch(@Param('id', IdParam) issueId: string, @CurrentUser() user: AuthUser, @RequestOrigin() origin: string) {
    return this.dispatches.dispatch(issueId, user, origin);
  }

  @Get('issues/:id/deliveries')
  list(@Param('id', IdParam) issueId: string, @Query('all', new ParseBoolPipe({ optional: true })) all?: boolean) {
    return this.deliveries.list(issueId, all ?? false);
  }

  @Roles('editor', 'admin')
  @Post('issues/:id/deliveries/remind')
  remind(@Param('id', IdParam) issueId: string, @CurrentUser() user: AuthUser, @RequestOrigin() origin: string) {
    return this.deliveries.remindOverdue(issueId, user, origin);
  }

  /**
   * 发放登记表 as a printable PDF, typeset here (a few pages: tens of milliseconds once the
   * compiler is warm; the first one loads the fonts into the API process).
   */
  @Get('issues/:id/deliveries/register.pdf')
  async registerPdf(@Param('id', IdParam) issueId: string) {
    const register = await this.deliveries.register(issueId);
    return download(renderDeliveryRegisterPdf(register).pdf, 'application/pdf', registerFilename(register, 'pdf'));
  }

  @Get('issues/:id/deliveries/register.xlsx')
  async registerXlsx(@Param('id', IdParam) issueId: string) {
    const register = await this.deliveries.register(issueId);
    return download(await buildDeliveryRegisterXlsx(register), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', registerFilename(register, 'xlsx'));
  }

  @Get('deliveries/awaiting')
  awaiting() {
    return this.deliveries.awaiting();
  }

  /** A new link (the old ones refused), e-mailed again to an e-mail unit. */
  @Roles('editor', 'admin')
  @Post('deliveries/:id/resend')
  resend(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser, @RequestOrigin() origin: string) {
    return this.deliveries.resend(id, user, origin);
  }

  @Roles('editor', 'admin')
  @Post('deliveries/:id/revoke')
  revoke(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.deliveries.revoke(id, user);
  }

  @Roles('editor', 'admin')
  @Post('deliveries/:id/paper-receipt')
  paperReceipt(@Param('id', IdParam) id: string, @Body() dto: PaperReceiptDto, @CurrentUser() user: AuthUser) {
    return this.deliveries.recordPaperReceipt(id, dto.confirmedByName, user);
  }
}

function registerFilename(register: { issue: { title: string; serialNumber: number; revision: number } }, extension: string): string {
  const { issue } = register;
  return `${issue.title}-总第${issue.serialNumber}期${issue.revision > 1 ? `-第${issue.revision}版` : ''}-发放登记表.${extension}`;
}

