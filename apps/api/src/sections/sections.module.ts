import { Module } from '@nestjs/common';
import { SectionsController } from './sections.controller';
import { SectionsService } from './sections.service';

@Module({ controllers: [SectionsController], providers: [SectionsService] })
export class SectionsModule {}
