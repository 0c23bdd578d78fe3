import { Module } from '@nestjs/common';
import { EntryWorkflowService } from '../entries/entry-workflow.service';
import { IssueWorkflowService } from '../issues/issue-workflow.service';
import { WorkflowController } from '../entries/entry-workflow.controller';

@Module({ controllers: [WorkflowController], providers: [EntryWorkflowService, IssueWorkflowService] })
export class WorkflowModule {}
