import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { INTAKE_QUEUE } from '@dsyb/domain';
import { ImportBatchesService } from './import-batches.service';
import { PageFiles } from './page-files';
import { SourceImportsController } from './source-imports.controller';
import { SourceImportsService } from './source-imports.service';

@Module({ imports: [BullModule.registerQueue({ name: INTAKE_QUEUE })], controllers: [SourceImportsController], providers: [SourceImportsService, ImportBatchesService, PageFiles] })
export class SourceImportsModule {}
