import { isIP } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { EnvironmentReader, type Environment } from './environment';

/**
 * The one configuration schema of the API and the render worker, read and validated once at
 * start-up (each app's main.ts); nothing else reads process.env. Every variable is read in one
 * place below, with its default; a bad value stops the start with a message naming it
 * ("配置错误：JWT_SECRET 至少 32 个字符"). `npm start` (scripts/start.mjs) supplies every value
 * for the embedded demo stack.
 */

/** What the API and the worker must be given alike. */
export interface SharedConfig {
  /** DATABASE_URL: postgres:// or postgresql:// */
  databaseUrl: string;
  /** REDIS_URL: redis:// — the queue, and the API's login throttle. */
  redisUrl: string;
  /** QUEUE_PREFIX (default "bull"): BullMQ key prefix; separate prefixes keep stacks sharing one Redis apart (tests). */
  queuePrefix: string;
  /** Where rendered PDFs are kept: the API reads what the worker writes. */
  storage: StorageConfig;
}

/** STORAGE_DRIVER `local` (default, STORAGE_DIR) or `s3` (the S3_* variables). */
export type StorageConfig = { driver: 'local'; directory: string } | ({ driver: 's3' } & S3StorageSettings);

export interface S3StorageSettings {
  /** S3_BUCKET, required with STORAGE_DRIVER=s3. */
  bucket: string;
  /** S3_PREFIX: put in front of every key, e.g. "dsyb/renditions/" (a trailing slash is added if missing). */
  prefix: string;
  /** S3_ENDPOINT: for S3-compatible services (MinIO, Ceph, OSS…); AWS itself needs none. */
  endpoint?: string;
  /** S3_REGION, default us-east-1. */
  region: string;
  /**
   * S3_ACCESS_KEY_ID + S3_SECRET_ACCESS_KEY (+ S3_SESSION_TOKEN); without them the AWS SDK's own
   * chain applies (instance or task role, AWS_* variables).
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * S3_FORCE_PATH_STYLE: bucket in the path (http://host/bucket/key) rather than in the host name;
   * default true when S3_ENDPOINT is set, as most self-hosted services need.
   */
  forcePathStyle: boolean;
}

export interface ApiConfig extends SharedConfig {
  /** PORT, default 3000. */
  port: number;
  /** API_PROCESSES (default 1): API processes sharing the port on this machine. */
  processes: number;
  /** HOST, default 0.0.0.0. */
  host: string;
  /** JWT_SECRET, at least 32 characters (`npm start` generates one under .data/). */
  jwtSecret: string;
  /** TOKEN_TTL_SECONDS, default 8 hours. */
  tokenTtlSeconds: number;
  /** ADMIN_DIST_DIR: the admin's build, served by the API when set. */
  adminDistDir: string | undefined;
  /** CORS_ORIGINS, comma-separated; empty: same origin only. */
  corsOrigins: string[];
  /**
   * TRUSTED_PROXIES, comma-separated addresses or subnets (10.0.0.5, 10.0.0.0/8, ::1) or Express's
   * names loopback, linklocal, uniquelocal: only requests from these may say, in X-Forwarded-For
   * and X-Forwarded-Proto, whom they carry. Empty (the default): the address the connection
   * comes from is the client's, so no client can pick the address its failed logins count against.
   */
  trustedProxies: string[];
}

export interface WorkerConfig extends SharedConfig {
  /** RENDER_CONCURRENCY (default 1): jobs rendered at once by this process; each has its own typesetting thread. */
  concurrency: number;
  /** Shown as the job's processedBy in Redis: which process rendered it (host:pid). */
  workerName: string;
  queue: {
    /**
     * RENDER_LOCK_DURATION_MS: how long a job stays claimed without a lock renewal. Renewals run
     * on the main thread, which the typesetting thread keeps free, so a live worker always renews
     * in time; a dead one's job is free again after this.
     */
    lockDurationMs: number;
    /** RENDER_STALLED_INTERVAL_MS: how often this process looks for jobs whose worker died (and moves them back to waiting). */
    stalledIntervalMs: number;
    /** RENDER_MAX_STALLED_COUNT: recoveries of one job after its worker died before it is failed (guards against a job that kills its worker). */
    maxStalledCount: number;
  };
  /** RENDER_TIMEOUT_MS: a render that takes longer is abandoned (its thread is replaced) and retried. */
  renderTimeoutMs: number;
  /**
   * DELIVERY_CONCURRENCY (default 4): deliveries this process works on at once. Each spends most
   * of its time waiting (storage, the SMTP server), so more than the render concurrency.
   */
  deliveryConcurrency: number;
  /**
   * Test-only (RENDER_TEST_DELAY_MS): pause after each progress step so that end-to-end tests can
   * watch progress and kill a worker mid-render. 0, the default, in any real deployment.
   */
  testDelayMs: number;
}

const MIN_JWT_SECRET_LENGTH = 32;
const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * Worker defaults: a render takes 0.1–3 s, so a 15 s lock (renewed every 7.5 s) is generous, and a
 * crashed worker's job is picked up again within about 20 s (lock expiry + one check).
 */
const DEFAULT_LOCK_DURATION_MS = 15_000;
const DEFAULT_STALLED_INTERVAL_MS = 5_000;
const DEFAULT_MAX_STALLED_COUNT = 2;
const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

export function loadApiConfig(env: Environment = process.env): ApiConfig {
  const read = new EnvironmentReader(env);
  const shared = readShared(read);
  const jwtSecret = read.required('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < MIN_JWT_SECRET_LENGTH) read.problem(`JWT_SECRET 至少 ${MIN_JWT_SECRET_LENGTH} 个字符`);
  const adminDistDir = read.optional('ADMIN_DIST_DIR');
  return read.finish({
    ...shared,
    port: read.integer('PORT', 3000, 1, 65_535),
    processes: read.integer('API_PROCESSES', 1, 1),
    host: read.text('HOST', '0.0.0.0'),
    jwtSecret,
    tokenTtlSeconds: read.integer('TOKEN_TTL_SECONDS', DEFAULT_TOKEN_TTL_SECONDS, 1),
    adminDistDir: adminDistDir === undefined ? undefined : path.resolve(adminDistDir),
    corsOrigins: read.list('CORS_ORIGINS'),
    trustedProxies: readTrustedProxies(read),
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function readTrustedProxies(read: EnvironmentReader): string[] {
  const proxies = read.list('TRUSTED_PROXIES');
  for (const proxy of proxies) {
    const [address, prefix, ...rest] = proxy.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!PROXY_NAMES.includes(proxy) && (family === 0 || !validPrefix || rest.length > 0)) {
      read.problem(`TRUSTED_PROXIES 中的 "${proxy}" 不是 IP 地址、子网（如 10.0.0.0/8）或 ${PROXY_NAMES.join('、')}`);
    }
  }
  return proxies;
}

export function loadWorkerConfig(env: Environment = process.env, workerName = `${hostname()}:${process.pid}`): WorkerConfig {
  const read = new EnvironmentReader(env);
  return read.finish({
    ...readShared(read),
    concurrency: read.integer('RENDER_CONCURRENCY', 1, 1),
    workerName,
    queue: {
      lockDurationMs: read.integer('RENDER_LOCK_DURATION_MS', DEFAULT_LOCK_DURATION_MS, 1000),
      stalledIntervalMs: read.integer('RENDER_STALLED_INTERVAL_MS', DEFAULT_STALLED_INTERVAL_MS, 100),
      maxStalledCount: read.integer('RENDER_MAX_STALLED_COUNT', DEFAULT_MAX_STALLED_COUNT, 0),
    },
    renderTimeoutMs: read.integer('RENDER_TIMEOUT_MS', DEFAULT_RENDER_TIMEOUT_MS, 1000),
    deliveryConcurrency: read.integer('DELIVERY_CONCURRENCY', 4, 1),
    testDelayMs: read.integer('RENDER_TEST_DELAY_MS', 0, 0),
  });
}

/** For the migration command (libs/db migrate-cli), which needs only the database. */
export function loadDatabaseUrl(env: Environment = process.env): string {
  const read = new EnvironmentReader(env);
  return read.finish(read.url('DATABASE_URL', ['postgres:', 'postgresql:']));
}

export interface SeedConfig {
  databaseUrl: string;
  /** The demo users' password (admin, editor, reviewer). */
  demoPassword: string;
}

/** For the seed command (seeds/seed.ts): the database, and the demo users' password. */
export function loadSeedConfig(env: Environment = process.env): SeedConfig {
  const read = new EnvironmentReader(env);
  return read.finish({ databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']), demoPassword: read.text('DEMO_PASSWORD', 'demo12345') });
}

function readShared(read: EnvironmentReader): SharedConfig {
  return {
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    // redis:// only: the queue's connection options are built from its parts (libs/domain redisConnectionOptions).
    redisUrl: read.url('REDIS_URL', ['redis:']),
    queuePrefix: read.text('QUEUE_PREFIX', 'bull'),
    storage: readStorage(read),
  };
}

function readStorage(read: EnvironmentReader): StorageConfig {
  const driver = read.oneOf('STORAGE_DRIVER', ['local', 's3'], 'local');
  if (driver === 'local') return { driver, directory: path.resolve(read.text('STORAGE_DIR', '.data/renditions')) };

  const bucket = read.optional('S3_BUCKET');
  if (bucket === undefined) read.problem('STORAGE_DRIVER=s3 时必须设置 S3_BUCKET');
  const endpoint = read.optional('S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    read.problem(`S3_ENDPOINT 应为 http:// 或 https:// 开头的地址，实际为 "${endpoint}"`);
  }
  const accessKeyId = read.optional('S3_ACCESS_KEY_ID');
  const secretAccessKey = read.optional('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) read.problem('S3_ACCESS_KEY_ID 与 S3_SECRET_ACCESS_KEY 须同时设置');
  return {
    driver,
    bucket: bucket ?? '',
    prefix: read.text('S3_PREFIX', ''),
    endpoint,
    region: read.text('S3_REGION', 'us-east-1'),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken: read.optional('S3_SESSION_TOKEN') } : undefined,
    forcePathStyle: read.boolean('S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}
