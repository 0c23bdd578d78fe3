import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { createPrismaClient } from '@dsyb/db';
import { DELIVERY_QUEUE, INTAKE_QUEUE, RENDER_QUEUE, redisConnectionOptions } from '@dsyb/domain';
import { createRenditionStorage } from '@dsyb/storage';
import { DeliveryJob } from './delivery-job';
import { DeliveryProcessor } from './delivery.processor';
import { IntakeProcessor } from './intake.processor';
import { Mailer } from './mailer';
import { RenderJob } from './render-job';
import { RenderProcessor } from './render.processor';
import { PERSONALISING_THREADS, PRISMA, RENDITION_STORAGE, TYPESETTING_THREADS } from './tokens';
import { spawnPersonaliseThread, TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

/** Only what the jobs need: the database, the rendition storage, the typesetting threads, the mailer and the queues. */
@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: RENDER_QUEUE }, { name: DELIVERY_QUEUE }, { name: INTAKE_QUEUE }),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl, 'dsyb-worker') },
        { provide: RENDITION_STORAGE, useFactory: () => createRenditionStorage(config.storage) },
        { provide: TYPESETTING_THREADS, useFactory: () => new TypesettingThreads({ size: config.concurrency, timeoutMs: config.renderTimeoutMs }) },
        // One thread: with the main thread and the typesetting thread it keeps two cores busy during a dispatch.
        { provide: PERSONALISING_THREADS, useFactory: () => new TypesettingThreads({ size: 1, timeoutMs: config.renderTimeoutMs, spawn: spawnPersonaliseThread }) },
        RenderJob,
        RenderProcessor,
        { provide: Mailer, useFactory: () => new Mailer() },
        DeliveryJob,
        DeliveryProcessor,
        IntakeProcessor,
      ],
    };
  }
}
