import path from 'node:path';
import { loadWorkerConfig } from './worker-config';

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/dsyb', REDIS_URL: 'redis://127.0.0.1:6379' };

it('starts from defaults that recover a dead worker’s job within about 20 seconds', () => {
  const config = loadWorkerConfig(base);
  expect(config).toMatchObject({
    queuePrefix: 'bull',
    concurrency: 1,
    storage: { driver: 'local', directory: path.resolve('.data/renditions') },
    queue: { lockDurationMs: 15_000, stalledIntervalMs: 5_000, maxStalledCount: 2 },
    renderTimeoutMs: 120_000,
    testDelayMs: 0,
  });
  expect(config.workerName).toMatch(new RegExp(`:${process.pid}$`));
});

it('reads the queue, render and storage settings', () => {
  const config = loadWorkerConfig({
    ...base,
    QUEUE_PREFIX: 'dsyb-test',
    RENDER_CONCURRENCY: '2',
    RENDER_LOCK_DURATION_MS: '2000',
    RENDER_STALLED_INTERVAL_MS: '500',
    RENDER_MAX_STALLED_COUNT: '0',
    RENDER_TIMEOUT_MS: '30000',
    RENDER_TEST_DELAY_MS: '1500',
    STORAGE_DRIVER: 's3',
    S3_BUCKET: 'renditions',
    S3_ENDPOINT: 'http://127.0.0.1:9000',
  });
  expect(config).toMatchObject({
    queuePrefix: 'dsyb-test',
    concurrency: 2,
    queue: { lockDurationMs: 2000, stalledIntervalMs: 500, maxStalledCount: 0 },
    renderTimeoutMs: 30_000,
    testDelayMs: 1500,
    storage: { driver: 's3', bucket: 'renditions', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
  });
});

it('refuses missing and malformed settings with a message naming the variable', () => {
  expect(() => loadWorkerConfig({ REDIS_URL: base.REDIS_URL })).toThrow('缺少环境变量 DATABASE_URL');
  expect(() => loadWorkerConfig({ ...base, RENDER_CONCURRENCY: '0' })).toThrow('环境变量 RENDER_CONCURRENCY 应为不小于 1 的整数，实际为 "0"');
  expect(() => loadWorkerConfig({ ...base, RENDER_LOCK_DURATION_MS: '15s' })).toThrow('RENDER_LOCK_DURATION_MS');
  expect(() => loadWorkerConfig({ ...base, RENDER_TEST_DELAY_MS: '-1' })).toThrow('RENDER_TEST_DELAY_MS');
  expect(() => loadWorkerConfig({ ...base, STORAGE_DRIVER: 's3' })).toThrow('STORAGE_DRIVER=s3 时必须设置 S3_BUCKET');
});
