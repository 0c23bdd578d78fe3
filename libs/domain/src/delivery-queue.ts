/**
 * The delivery queue, shared by the API (producer) and the worker: one job per delivery makes the
 * unit's personalised PDF from the final PDF and, for a unit that receives by e-mail,
 * sends it its link. Kept apart from the render queue so that a dispatch to a hundred units never
 * holds up an editor's proof.
 */
export const DELIVERY_QUEUE = 'delivery';
export const DELIVER_JOB = 'deliver';

/** Why a delivery's e-mail is sent: the e-mail's wording follows. */
export type DeliveryMailReason = 'dispatch' | 'resend' | 'reminder';

export interface DeliverJobData {
  deliveryId: string;
  /**
   * The unit's link, for the e-mail. The database keeps only its hash: the link lives in Redis
   * only while its job waits, and the job is removed once it is done or has failed for good.
   */
  mail?: { link: string; reason: DeliveryMailReason };
}

/**
 * SMTP servers that are down come back in minutes, not seconds: 8 attempts, 5 s doubling
 * (5 s … 10 min), about 21 minutes in all, during which the board shows "重试中" with the last
 * error; then the e-mail is marked failed and staff resend it.
 */
export const DELIVER_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

/** One job per delivery and link (BullMQ ids may not contain ':'); a job for the PDF alone has no link. */
export function deliverJobId(deliveryId: string, linkId?: string): string {
  return linkId ? `deliver-${deliveryId}-${linkId}` : `deliver-${deliveryId}`;
}
