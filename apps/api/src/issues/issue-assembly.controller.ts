import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { IdParam } from '../common/validation';
import { IssueArrangementDto, IssueRecipientsDto } from './issue-assembly.dto';
import { IssueAssemblyService } from './issue-assembly.service';

@ApiTags('issues')
@ApiBearerAuth()
@Roles('admin', 'editor')
@Controller('issues/:id')
export class IssueAssemblyController {
  constructor(private readonly assembly: IssueAssemblyService) {}

  /** Entries per section in print order; entries of the issue left out are removed from it. */
  @Put('arrangement')
  arrange(@Param('id', IdParam) id: string, @Body() dto: IssueArrangementDto, @CurrentUser() user: AuthUser) {
    return this.assembly.arrange(id, dto, user);
  }

  @Put('recipients')
  setRecipients(@Param('id', IdParam) id: string, @Body() dto: IssueRecipientsDto, @CurrentUser() user: AuthUser) {
    return this.assembly.setRecipients(id, dto, user);
  }
}
