/** The queue of batch page imports (导入版面, several files): the worker reads, splits and saves each file. */
export const INTAKE_QUEUE = 'intake';
export const IMPORT_BATCH_JOB = 'import-batch';

export interface ImportBatchJobData {
  batchId: string;
}

/** A batch is one job: its files' outcomes are rows, so a retried job carries on where it stopped. */
export const IMPORT_BATCH_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 100 } as const;

export const importBatchJobId = (batchId: string) => `import-${batchId}`;

/** The paper's date a file's name gives: 2021-10-20, 2021_10_20 or 20211020 anywhere in it. */
export function dateFromFileName(name: string): string | null {
  const match = /(20\d{2}|19\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])/.exec(name);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}
