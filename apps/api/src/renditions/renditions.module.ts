import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RENDER_QUEUE } from '@dsyb/domain';
import { createRenditionStorage } from '@dsyb/storage';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RenditionsController } from './renditions.controller';
import { RENDITION_STORAGE, RenditionsService } from './renditions.service';

@Module({
  imports: [BullModule.registerQueue({ name: RENDER_QUEUE })],
  controllers: [RenditionsController],
  providers: [
    RenditionsService,
    { provide: RENDITION_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRenditionStorage(config.storage) },
  ],
  exports: [BullModule, RenditionsService, RENDITION_STORAGE],
})
export class RenditionsModule {}
