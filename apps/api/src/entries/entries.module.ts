import { Module } from '@nestjs/common';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { EntryRevisionsController } from './entry-revisions.controller';
import { EntryRevisionsService } from './entry-revisions.service';
import { EntryWorkflowController } from './entry-workflow.controller';
import { EntryWorkflowService } from './entry-workflow.service';

/** Entries: their CRUD, their review (entry-workflow), and their saved versions (revisions). */
@Module({
  controllers: [EntriesController, EntryWorkflowController, EntryRevisionsController],
  providers: [EntriesService, EntryWorkflowService, EntryRevisionsService],
  exports: [EntriesService],
})
export class EntriesModule {}
