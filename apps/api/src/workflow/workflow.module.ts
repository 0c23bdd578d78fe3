import { Module } from '@nestjs/common';
import { EntryWorkflowService } from './entry-workflow.service';
import { IssueWorkflowService } from './issue-workflow.service';
import { WorkflowController } from './workflow.controller';

@Module({ controllers: [WorkflowController], providers: [EntryWorkflowService, IssueWorkflowService] })
export class WorkflowModule {}
