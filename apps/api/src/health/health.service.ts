import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RENDER_QUEUE } from '@dsyb/domain';
import { withTimeout } from '../common/queue-timeout';
import { PrismaService } from '../prisma/prisma.service';

const TIMEOUT_MS = 2000;

export interface HealthReport {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /** When something is down: which, in words. */
  message?: string;
}

/** Whether PostgreSQL and Redis answer, each within two seconds. */
@Injectable()
export class HealthService {
  constructor(private readonly prisma: PrismaService, @InjectQueue(RENDER_QUEUE) private readonly queue: Queue) {}

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      withTimeout(this.prisma.$queryRaw`SELECT 1`, TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
      withTimeout(this.queue.getJobCounts('waiting'), TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
    ]);
    if (database === 'up' && redis === 'up') return { status: 'ok', database, redis };
    const down = [database === 'down' && '数据库（PostgreSQL）', redis === 'down' && '任务队列（Redis）'].filter(Boolean).join('和');
    return { status: 'error', database, redis, message: `服务暂不可用：${down}无法连接` };
  }
}
