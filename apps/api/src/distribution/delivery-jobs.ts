import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DELIVER_JOB, DELIVER_JOB_OPTIONS, DELIVERY_QUEUE, deliverJobId, type DeliverJobData, type DeliveryMailReason } from '@dsyb/domain';
import { queueCall } from '../common/queue-timeout';

export interface DeliveryJob {
  deliveryId: string;
  /** The link to e-mail, with the id of its row (the job's id names it, so one link is mailed once). */
  mail?: { linkId: string; link: string; reason: DeliveryMailReason };
}

/**
 * Puts deliveries on the delivery queue after their rows are committed. The rows are the record:
 * if Redis does not take the jobs within queueCall's bound, the deliveries stay queued on the
 * board and the worker queues them again on its own (apps/worker/src/delivery.processor.ts, every
 * half minute), with a fresh link for an e-mail whose link was lost with the job. The answer is
 * not a 503: it carries the units' links, shown to staff only once.
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
    try {
      await queueCall(() => this.queue.addBulk(bulk));
      return true;
    } catch (error) {
      this.logger.error(`分发任务未能排队（${jobs.length} 个），将由工作进程自动补排：${String((error as Error).cause)}`);
      return false;
    }
  }
}
