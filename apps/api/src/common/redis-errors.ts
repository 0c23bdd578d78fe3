/**
 * Whether `error` is ioredis saying Redis is out of reach: a command given up after its retries
 * (MaxRetriesPerRequestError), refused while disconnected (enableOfflineQueue: false), or sent on
 * a closed connection. The API's own Redis clients (the login and receive throttles) raise these;
 * HttpErrorFilter answers them 503, never 500.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'MaxRetriesPerRequestError'
    || error.message === "Stream isn't writeable and enableOfflineQueue options is false"
    || error.message === 'Connection is closed.';
}

export const REDIS_UNAVAILABLE = '服务暂时不可用（Redis 无法连接），请稍后再试。';
