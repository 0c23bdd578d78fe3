/** Failed logins of one (username, address) pair that cost nothing: typing mistakes. */
export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 5 * 60;

/** The wait after the `failures`-th failure, in seconds: 0 while failures are free, then 1, 2, 4 … at most 5 minutes. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}
