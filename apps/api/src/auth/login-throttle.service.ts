import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HttpException, HttpStatus } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Failed logins counted per username and per address in Redis, so that every API process
 * behind a load balancer sees the same counts. Past the limit the login is refused with 429
 * until the window ends, even with the right password.
 */
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { user: 10, ip: 100 } as const;

@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2, keyPrefix: `${config.queuePrefix}:login-fail:` });
  }

  async assertAllowed(username: string, ip: string | undefined): Promise<void> {
    const [userFailures, ipFailures] = await this.redis.mget(this.userKey(username), this.ipKey(ip));
    const blocked = Number(userFailures ?? 0) >= LIMITS.user || Number(ipFailures ?? 0) >= LIMITS.ip;
    if (!blocked) return;
    const ttl = await this.redis.ttl(Number(userFailures ?? 0) >= LIMITS.user ? this.userKey(username) : this.ipKey(ip));
    const minutes = Math.max(1, Math.ceil(ttl / 60));
    throw new HttpException(`登录失败次数过多，请 ${minutes} 分钟后再试`, HttpStatus.TOO_MANY_REQUESTS);
  }

  async recordFailure(username: string, ip: string | undefined): Promise<void> {
    const pipeline = this.redis.multi();
    for (const key of [this.userKey(username), this.ipKey(ip)]) pipeline.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    await pipeline.exec();
  }

  async recordSuccess(username: string): Promise<void> {
    await this.redis.del(this.userKey(username));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private userKey(username: string): string {
    return `user:${username.toLowerCase()}`;
  }

  private ipKey(ip: string | undefined): string {
    return `ip:${ip ?? 'unknown'}`;
  }
}
