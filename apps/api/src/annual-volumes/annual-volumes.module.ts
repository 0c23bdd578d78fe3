import { Module } from '@nestjs/common';
import { RenditionsModule } from '../renditions/renditions.module';
import { AnnualEntriesController } from './annual-entries.controller';
import { AnnualEntriesService } from './annual-entries.service';
import { AnnualIndexTermsController } from './annual-index-terms.controller';
import { AnnualIndexTermsService } from './annual-index-terms.service';
import { AnnualVolumesController } from './annual-volumes.controller';
import { AnnualVolumesService } from './annual-volumes.service';

/** 年度大事记: the volume, its events, its index terms; renditions as for issues. */
@Module({
  imports: [RenditionsModule],
  controllers: [AnnualVolumesController, AnnualEntriesController, AnnualIndexTermsController],
  providers: [AnnualVolumesService, AnnualEntriesService, AnnualIndexTermsService],
})
export class AnnualVolumesModule {}
