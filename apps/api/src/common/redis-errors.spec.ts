import MaxRetriesPerRequestError from 'ioredis/built/errors/MaxRetriesPerRequestError';
import { isRedisUnavailable } from './redis-errors';

it('recognises ioredis giving up on an unreachable Redis, and nothing else', () => {
  expect(isRedisUnavailable(new MaxRetriesPerRequestError(2))).toBe(true);
  expect(isRedisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
  expect(isRedisUnavailable(new Error('Connection is closed.'))).toBe(true);
  expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
  expect(isRedisUnavailable('Connection is closed.')).toBe(false);
});
