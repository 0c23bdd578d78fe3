import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config));
  app.enableShutdownHooks();
  Logger.log('排版队列工作进程已启动', 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
