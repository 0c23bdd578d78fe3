import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DELIVER_JOB, DELIVER_JOB_OPTIONS, DELIVERY_QUEUE, deliverJobId, type DeliverJobData, type DeliveryMailReason } from '@dsyb/domain';

export interface DeliveryJob {
  deliveryId: string;
  /** The link to e-mail, with the id of its row (the job's id names it, so one link is mailed once). */
  mail?: { linkId: string; link: string; reason: DeliveryMailReason };
}

/** How long the API waits for Redis before leaving the jobs to the worker's start-up recovery. */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * Puts deliveries on the delivery queue after their rows are committed. The rows are the record:
 * if Redis does not take the jobs, the deliveries stay queued on the board and the worker queues
 * them again when it starts (apps/worker/src/delivery.processor.ts), with a fresh link for an
 * e-mail whose link was lost with the job.
 */
@Injectable()
export class DeliveryJobs {
  private readonly logger = new Logger(DeliveryJobs.name);

  constructor(@InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<DeliverJobData>) {}

  async add(jobs: readonly DeliveryJob[]): Promise<boolean> {
    if (jobs.length === 0) return true;
    const bulk = jobs.map(({ deliveryId, mail }) => ({
      name: DELIVER_JOB,
      data: { deliveryId, ...(mail ? { mail: { link: mail.link, reason: mail.reason } } : {}) },
      opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(deliveryId, mail?.linkId) },
    }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis 在 ${ENQUEUE_TIMEOUT_MS / 1000} 秒内没有应答`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue.addBulk(bulk), timeout]);
      return true;
    } catch (error) {
      this.logger.error(`分发任务未能排队（${jobs.length} 个），将由工作进程启动时补排：${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
