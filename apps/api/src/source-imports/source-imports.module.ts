import { Module } from '@nestjs/common';
import { SourceImportsController } from './source-imports.controller';
import { SourceImportsService } from './source-imports.service';

@Module({ controllers: [SourceImportsController], providers: [SourceImportsService] })
export class SourceImportsModule {}
