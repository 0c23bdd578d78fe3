import path from 'node:path';
import { loadApiConfig, loadDatabaseUrl, loadSeedConfig, loadWorkerConfig } from './config-schema';
import { ConfigError } from './environment';

const shared = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/dsyb', REDIS_URL: 'redis://127.0.0.1:6379' };
const api = { ...shared, JWT_SECRET: 'x'.repeat(32) };

/** The problems a bad environment is refused with. */
function problems(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the API configuration', () => {
  it('starts from defaults', () => {
    expect(loadApiConfig(api)).toEqual({
      databaseUrl: shared.DATABASE_URL,
      redisUrl: shared.REDIS_URL,
      queuePrefix: 'bull',
      storage: { driver: 'local', directory: path.resolve('.data/renditions') },
      port: 3000,
      processes: 1,
      host: '0.0.0.0',
      jwtSecret: api.JWT_SECRET,
      tokenTtlSeconds: 8 * 3600,
      adminDistDir: undefined,
      corsOrigins: [],
      trustedProxies: [],
    });
  });

  it('reads every documented variable', () => {
    const config = loadApiConfig({
      ...api,
      PORT: '8080',
      API_PROCESSES: '2',
      HOST: '127.0.0.1',
      TOKEN_TTL_SECONDS: '600',
      ADMIN_DIST_DIR: 'dist/admin',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      QUEUE_PREFIX: 'dsyb-test',
      STORAGE_DIR: '/srv/renditions',
      TRUSTED_PROXIES: 'loopback, 10.0.0.0/8, ::1',
    });
    expect(config).toMatchObject({
      trustedProxies: ['loopback', '10.0.0.0/8', '::1'],
      port: 8080,
      processes: 2,
      host: '127.0.0.1',
      tokenTtlSeconds: 600,
      adminDistDir: path.resolve('dist/admin'),
      corsOrigins: ['https://a.example', 'https://b.example'],
      queuePrefix: 'dsyb-test',
      storage: { driver: 'local', directory: '/srv/renditions' },
    });
  });

  it('names each bad variable in one Chinese message', () => {
    expect(() => loadApiConfig({ ...api, JWT_SECRET: 'short' })).toThrow('配置错误：JWT_SECRET 至少 32 个字符');
    expect(problems(() => loadApiConfig({}))).toEqual(['缺少 DATABASE_URL', '缺少 REDIS_URL', '缺少 JWT_SECRET']);
    expect(problems(() => loadApiConfig({ ...api, DATABASE_URL: 'mysql://db/dsyb', REDIS_URL: '127.0.0.1:6379' }))).toEqual([
      'DATABASE_URL 应为 postgres:// 或 postgresql:// 开头的地址，实际为 "mysql://db/dsyb"',
      'REDIS_URL 应为 redis:// 开头的地址，实际为 "127.0.0.1:6379"',
    ]);
    expect(problems(() => loadApiConfig({ ...api, PORT: '70000', API_PROCESSES: '0', TOKEN_TTL_SECONDS: '8h' }))).toEqual([
      'PORT 应为 1–65535 的整数，实际为 "70000"',
      'API_PROCESSES 应为不小于 1 的整数，实际为 "0"',
      'TOKEN_TTL_SECONDS 应为不小于 1 的整数，实际为 "8h"',
    ]);
    expect(problems(() => loadApiConfig({ ...api, TRUSTED_PROXIES: 'nginx, 10.0.0.0/33, 10.0.0.1' }))).toEqual([
      'TRUSTED_PROXIES 中的 "nginx" 不是 IP 地址、子网（如 10.0.0.0/8）或 loopback、linklocal、uniquelocal',
      'TRUSTED_PROXIES 中的 "10.0.0.0/33" 不是 IP 地址、子网（如 10.0.0.0/8）或 loopback、linklocal、uniquelocal',
    ]);
  });
});

describe('the worker configuration', () => {
  it('starts from defaults that recover a dead worker’s job within about 20 seconds', () => {
    const config = loadWorkerConfig(shared);
    expect(config).toMatchObject({
      queuePrefix: 'bull',
      concurrency: 1,
      storage: { driver: 'local', directory: path.resolve('.data/renditions') },
      queue: { lockDurationMs: 15_000, stalledIntervalMs: 5_000, maxStalledCount: 2 },
      renderTimeoutMs: 120_000,
      deliveryConcurrency: 4,
      testDelayMs: 0,
    });
    expect(config.workerName).toMatch(new RegExp(`:${process.pid}$`));
  });

  it('reads the queue and render settings', () => {
    const config = loadWorkerConfig({
      ...shared,
      QUEUE_PREFIX: 'dsyb-test',
      RENDER_CONCURRENCY: '2',
      RENDER_LOCK_DURATION_MS: '2000',
      RENDER_STALLED_INTERVAL_MS: '500',
      RENDER_MAX_STALLED_COUNT: '0',
      RENDER_TIMEOUT_MS: '30000',
      RENDER_TEST_DELAY_MS: '1500',
      DELIVERY_CONCURRENCY: '8',
    });
    expect(config).toMatchObject({
      queuePrefix: 'dsyb-test',
      concurrency: 2,
      queue: { lockDurationMs: 2000, stalledIntervalMs: 500, maxStalledCount: 0 },
      renderTimeoutMs: 30_000,
      deliveryConcurrency: 8,
      testDelayMs: 1500,
    });
  });

  it('names each bad variable', () => {
    expect(() => loadWorkerConfig({ REDIS_URL: shared.REDIS_URL })).toThrow('配置错误：缺少 DATABASE_URL');
    expect(problems(() => loadWorkerConfig({
      ...shared,
      RENDER_CONCURRENCY: '0',
      RENDER_LOCK_DURATION_MS: '15s',
      RENDER_STALLED_INTERVAL_MS: '50',
      RENDER_MAX_STALLED_COUNT: '-1',
      RENDER_TIMEOUT_MS: '1.5',
      RENDER_TEST_DELAY_MS: '-1',
    }))).toEqual([
      'RENDER_CONCURRENCY 应为不小于 1 的整数，实际为 "0"',
      'RENDER_LOCK_DURATION_MS 应为不小于 1000 的整数，实际为 "15s"',
      'RENDER_STALLED_INTERVAL_MS 应为不小于 100 的整数，实际为 "50"',
      'RENDER_MAX_STALLED_COUNT 应为不小于 0 的整数，实际为 "-1"',
      'RENDER_TIMEOUT_MS 应为不小于 1000 的整数，实际为 "1.5"',
      'RENDER_TEST_DELAY_MS 应为不小于 0 的整数，实际为 "-1"',
    ]);
  });
});

describe('the storage both apps must be given alike', () => {
  it('is the same for the API and the worker', () => {
    const env = { ...api, STORAGE_DRIVER: 's3', S3_BUCKET: 'dsyb', S3_ENDPOINT: 'http://127.0.0.1:9000' };
    expect(loadApiConfig(env).storage).toEqual(loadWorkerConfig(env).storage);
  });

  it('reads an S3-compatible bucket from the S3_* variables', () => {
    const config = loadWorkerConfig({
      ...shared,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'dsyb',
      S3_PREFIX: 'renditions/',
      S3_ENDPOINT: 'https://minio.internal:9000',
      S3_REGION: 'cn-north-1',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_SESSION_TOKEN: 'token',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      bucket: 'dsyb',
      prefix: 'renditions/',
      endpoint: 'https://minio.internal:9000',
      region: 'cn-north-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' },
      forcePathStyle: true,
    });
  });

  it('uses AWS defaults for AWS itself: virtual-host addressing and the SDK’s own credentials', () => {
    expect(loadWorkerConfig({ ...shared, STORAGE_DRIVER: 's3', S3_BUCKET: 'dsyb' }).storage).toEqual({
      driver: 's3', bucket: 'dsyb', prefix: '', endpoint: undefined, region: 'us-east-1', credentials: undefined, forcePathStyle: false,
    });
    expect(loadWorkerConfig({ ...shared, STORAGE_DRIVER: 's3', S3_BUCKET: 'dsyb', S3_FORCE_PATH_STYLE: 'true' }).storage).toMatchObject({ forcePathStyle: true });
  });

  it('names each bad storage variable', () => {
    expect(problems(() => loadWorkerConfig({ ...shared, STORAGE_DRIVER: 'ftp' }))).toEqual(['STORAGE_DRIVER 应为 local 或 s3，实际为 "ftp"']);
    expect(problems(() => loadWorkerConfig({ ...shared, STORAGE_DRIVER: 's3', S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: 'AKID', S3_FORCE_PATH_STYLE: 'maybe' }))).toEqual([
      'STORAGE_DRIVER=s3 时必须设置 S3_BUCKET',
      'S3_ENDPOINT 应为 http:// 或 https:// 开头的地址，实际为 "minio:9000"',
      'S3_ACCESS_KEY_ID 与 S3_SECRET_ACCESS_KEY 须同时设置',
      'S3_FORCE_PATH_STYLE 应为 true 或 false，实际为 "maybe"',
    ]);
  });
});

it('gives the migration command its database', () => {
  expect(loadDatabaseUrl(shared)).toBe(shared.DATABASE_URL);
  expect(() => loadDatabaseUrl({})).toThrow('配置错误：缺少 DATABASE_URL');
});

it('gives the seed command its database and the demo password, demo12345 unless DEMO_PASSWORD says otherwise', () => {
  expect(loadSeedConfig(shared)).toEqual({ databaseUrl: shared.DATABASE_URL, demoPassword: 'demo12345' });
  expect(loadSeedConfig({ ...shared, DEMO_PASSWORD: 'another-secret' }).demoPassword).toBe('another-secret');
  expect(() => loadSeedConfig({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL 应为 postgres:// 或 postgresql:// 开头的地址');
});
