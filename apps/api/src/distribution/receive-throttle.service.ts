import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { tooMany } from '../common/domain-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Rate limits of the units' links (/api/receive/*), per address and shared by every API process
 * through Redis: 120 requests a minute, and 20 unknown, expired or revoked tokens in 15 minutes,
 * which stops anyone trying tokens long before one could be guessed (there are 2^256).
 */
const LIMITS = {
  request: { max: 120, windowSeconds: 60 },
  miss: { max: 20, windowSeconds: 15 * 60 },
} as const;

@Injectable()
export class ReceiveThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, keyPrefix: `${config.queuePrefix}:receive:` });
  }

  /** Counts a request; refuses (429) an address past either limit. */
  async request(address: string | undefined): Promise<void> {
    const [requests, misses] = await this.redis
      .multi()
      .incr(this.key('request', address))
      .expire(this.key('request', address), LIMITS.request.windowSeconds, 'NX')
      .get(this.key('miss', address))
      .exec()
      .then((replies) => [Number(replies?.[0]?.[1] ?? 0), Number(replies?.[2]?.[1] ?? 0)]);
    if (requests > LIMITS.request.max || misses >= LIMITS.miss.max) throw tooMany('请求过于频繁，请稍后再试。');
  }

  /** Counts a token that opened nothing. */
  async miss(address: string | undefined): Promise<void> {
    await this.redis.multi().incr(this.key('miss', address)).expire(this.key('miss', address), LIMITS.miss.windowSeconds, 'NX').exec();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private key(kind: keyof typeof LIMITS, address: string | undefined): string {
    return `${kind}:${address ?? 'unknown'}`;
  }
}
