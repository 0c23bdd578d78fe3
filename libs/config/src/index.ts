export * from './environment';
export * from './config-schema';
