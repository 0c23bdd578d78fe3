import type { ApiConfig } from '@dsyb/config';

/**
 * The API's configuration: the schema shared with the worker (libs/config), read and validated
 * once in main.ts and provided to the modules under APP_CONFIG.
 */
export type AppConfig = ApiConfig;

export const APP_CONFIG = Symbol('APP_CONFIG');
