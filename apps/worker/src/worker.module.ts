import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { createPrismaClient } from '@dsyb/db';
import { RENDER_QUEUE, redisConnectionOptions } from '@dsyb/domain';
import { createRenditionStorage } from '@dsyb/storage';
import { RenderJob } from './render-job';
import { RenderProcessor } from './render.processor';
import { PRISMA, RENDITION_STORAGE, TYPESETTING_THREADS } from './tokens';
import { TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

/** Only what the jobs need: the database, the rendition storage, the typesetting threads and the queue. */
@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: RENDER_QUEUE }),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl) },
        { provide: RENDITION_STORAGE, useFactory: () => createRenditionStorage(config.storage) },
        { provide: TYPESETTING_THREADS, useFactory: () => new TypesettingThreads({ size: config.concurrency, timeoutMs: config.renderTimeoutMs }) },
        RenderJob,
        RenderProcessor,
      ],
    };
  }
}
