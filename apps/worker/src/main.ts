import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadWorkerConfig } from '@dsyb/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config));
  app.enableShutdownHooks();
  Logger.log('排版队列工作进程已启动', 'Worker');
}

bootstrap().catch((error: unknown) => {
  // A configuration error is a message for whoever starts the process, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
