import { Module } from '@nestjs/common';
import { EntriesModule } from '../entries/entries.module';
import { SourceDraftsService } from './source-drafts.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({ imports: [EntriesModule], controllers: [SourcesController], providers: [SourcesService, SourceDraftsService] })
export class SourcesModule {}
