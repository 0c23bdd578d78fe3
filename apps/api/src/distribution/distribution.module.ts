import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DELIVERY_QUEUE } from '@dsyb/domain';
import { RenditionsModule } from '../renditions/renditions.module';
import { DeliverySettingsController } from '../settings/delivery-settings.controller';
import { DeliverySettingsService } from '../settings/delivery-settings.service';
import { DeliveriesService } from './deliveries.service';
import { DeliveryJobs } from './delivery-jobs';
import { DispatchesService } from './dispatches.service';
import { DistributionController } from './distribution.controller';
import { ReceiveController } from './receive.controller';
import { ReceiveService } from './receive.service';
import { ReceiveThrottleService } from './receive-throttle.service';

/**
 * Distribution (分发): dispatching a published issue to its units, the delivery board, the
 * units' own links, and the settings they follow. The worker's delivery queue makes the
 * personalised PDFs and sends the e-mails.
 */
@Module({
  imports: [BullModule.registerQueue({ name: DELIVERY_QUEUE }), RenditionsModule],
  controllers: [DistributionController, ReceiveController, DeliverySettingsController],
  providers: [DispatchesService, DeliveriesService, ReceiveService, ReceiveThrottleService, DeliveryJobs, DeliverySettingsService],
})
export class DistributionModule {}
