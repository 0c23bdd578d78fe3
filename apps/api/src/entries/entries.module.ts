import { Module } from '@nestjs/common';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { HistoryController } from './entry-revisions.controller';

@Module({ controllers: [EntriesController, HistoryController], providers: [EntriesService], exports: [EntriesService] })
export class EntriesModule {}
