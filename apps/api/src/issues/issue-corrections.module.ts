import { Module } from '@nestjs/common';
import { RenditionsModule } from '../renditions/renditions.module';
import { CorrectionsController } from './issue-corrections.controller';
import { CorrectionsService } from './issue-corrections.service';

@Module({ imports: [RenditionsModule], controllers: [CorrectionsController], providers: [CorrectionsService] })
export class CorrectionsModule {}
