/**
 * Runs `recover` every `intervalMs` (the worker's QUEUE_RECOVERY_INTERVAL_MS) until the returned
 * function is called: each queue's look for records PostgreSQL holds as pending with no job in
 * Redis. A round starts only after the previous one has finished, so that while Redis is away
 * (its commands wait for the reconnection) rounds do not pile up; a round that fails is reported
 * and the next one tries again.
 */
export function recoverPeriodically(intervalMs: number, recover: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void recover().catch(onError).finally(schedule), intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
