import { Module } from '@nestjs/common';
import { IssueAssemblyController } from './issue-assembly.controller';
import { IssueAssemblyService } from './issue-assembly.service';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';

@Module({ controllers: [IssuesController, IssueAssemblyController], providers: [IssuesService, IssueAssemblyService], exports: [IssuesService] })
export class IssuesModule {}
