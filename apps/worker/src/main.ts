import 'reflect-metadata';
import * as v8 from 'node:v8';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadWorkerConfig } from '@dsyb/config';
import { WorkerModule } from './worker.module';

/**
 * Prisma 7's query compiler is WebAssembly (libs/db). V8 compiles it with its baseline compiler,
 * Liftoff, and then again with its optimising one for the functions it runs often: that second
 * code and the optimiser's working memory cost this process 55–65 MB, and the first query waits
 * for it. Liftoff alone is enough for the few queries a job makes (measured in a bare process:
 * 122–142 MB instead of 175–207 MB after the client's first query or 600, and those queries
 * faster, as nothing waits for the optimiser). Set before the client compiles the module, at its
 * first query. The flag concerns WebAssembly only: Prisma's, and pdf.js's (unpdf) when an import
 * reads a PDF.
 */
v8.setFlagsFromString('--liftoff-only');

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
