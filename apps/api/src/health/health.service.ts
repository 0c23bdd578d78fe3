import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RENDER_QUEUE } from '@dsyb/domain';
import { PrismaService } from '../prisma/prisma.service';

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
}

export interface HealthReport {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
}

/** Whether PostgreSQL and Redis answer, each within two seconds. */
@Injectable()
export class HealthService {
  constructor(private readonly prisma: PrismaService, @InjectQueue(RENDER_QUEUE) private readonly queue: Queue) {}

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      withTimeout(this.prisma.$queryRaw`SELECT 1`).then(() => 'up' as const, () => 'down' as const),
      withTimeout(this.queue.getJobCounts('waiting')).then(() => 'up' as const, () => 'down' as const),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'error', database, redis };
  }
}
