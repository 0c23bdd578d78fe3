import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { RENDER_QUEUE } from '@dsyb/domain';
import { Public } from '../auth/auth.decorators';
import { PrismaService } from '../prisma/prisma.service';

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService, @InjectQueue(RENDER_QUEUE) private readonly queue: Queue) {}

  /** 200 only when PostgreSQL and Redis both answer. */
  @Public()
  @Get()
  async check() {
    const [database, redis] = await Promise.all([
      withTimeout(this.prisma.$queryRaw`SELECT 1`).then(() => 'up', () => 'down'),
      withTimeout(this.queue.getJobCounts('waiting')).then(() => 'up', () => 'down'),
    ]);
    const body = { status: database === 'up' && redis === 'up' ? 'ok' : 'error', database, redis };
    if (body.status !== 'ok') throw new ServiceUnavailableException({ message: '服务暂不可用', ...body });
    return body;
  }
}
