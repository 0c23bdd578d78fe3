import type { WorkerConfig } from '@dsyb/config';

/**
 * The worker's configuration: the schema shared with the API (libs/config), read and validated
 * once in main.ts and provided to the jobs under WORKER_CONFIG.
 */
export type { WorkerConfig };

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
