import { Module } from '@nestjs/common';
import { RenditionsModule } from '../renditions/renditions.module';
import { IssueAssemblyController } from './issue-assembly.controller';
import { IssueAssemblyService } from './issue-assembly.service';
import { IssueCorrectionsController } from './issue-corrections.controller';
import { IssueCorrectionsService } from './issue-corrections.service';
import { IssueExportService } from './issue-export.service';
import { IssueWorkflowController } from './issue-workflow.controller';
import { IssueWorkflowService } from './issue-workflow.service';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';

/**
 * Issues: their CRUD, assembly (entries and distribution list), their way to publication
 * (issue-workflow), and corrections (勘误, a published issue's new revision, which renders a new
 * final PDF), and its Word export.
 */
@Module({
  imports: [RenditionsModule],
  controllers: [IssuesController, IssueAssemblyController, IssueWorkflowController, IssueCorrectionsController],
  providers: [IssuesService, IssueAssemblyService, IssueWorkflowService, IssueCorrectionsService, IssueExportService],
  exports: [IssuesService],
})
export class IssuesModule {}
