import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ConfigError, loadApiConfig } from '@dsyb/config';
import { serveAdmin } from './admin-static';
import { AppModule } from './app.module';
import { answerClientErrors } from './client-errors';
import { ForbiddenCharactersPipe } from './common/forbidden-characters.pipe';
import { refuseDeeplyNestedJson } from './common/json-depth';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { bufferLogs: true });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ForbiddenCharactersPipe(), createValidationPipe());
  // X-Forwarded-For / -Proto only from the configured proxies (TRUSTED_PROXIES); none by default.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  if (config.adminDistDir) serveAdmin(app, config.adminDistDir);
  // Same-origin by default (the admin is served by this process); other origins only when listed.
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, exposedHeaders: ['Content-Range', 'X-Total-Capped'] });
  // Nest's option type leaves `verify` out because its rawBody option uses it; rawBody is off here
  // and the adapter hands these options to express.json as they are.
  const jsonOptions = { limit: '12mb', verify: refuseDeeplyNestedJson };
  app.useBodyParser('json', jsonOptions);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('大事月报编辑系统 API').setVersion('1.0').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  app.enableShutdownHooks();
  answerClientErrors(app.getHttpServer());
  await app.listen(config.port, config.host);
  Logger.log(`API listening on http://127.0.0.1:${config.port}/api`, 'Bootstrap');
}

/**
 * The API is stateless, so API_PROCESSES > 1 runs that many processes sharing the port (what a
 * load balancer would do across machines). The primary only supervises: it restarts a process
 * that dies and stops them all on SIGTERM/SIGINT.
 */
function supervise(processes: number): void {
  let stopping = false;
  for (let index = 0; index < processes; index += 1) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    Logger.warn(`API 进程 ${worker.process.pid} 退出（${code}），重新启动`, 'Cluster');
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0); });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

const config = readConfig();
if (cluster.isPrimary && config.processes > 1) {
  supervise(config.processes);
} else {
  bootstrap(config).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** A configuration error is a message for whoever starts the process, not a stack trace. */
function readConfig(): AppConfig {
  try {
    return loadApiConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
