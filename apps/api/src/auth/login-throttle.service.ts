import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { tooMany, unavailable } from '../common/domain-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { delayAfter } from './login-delay';

/**
 * Failed logins slow down guessing without letting anyone lock a user out (OWASP ASVS v4 2.2.1).
 * Failures are counted per (username, address): after 5 (FREE_FAILURES), each further attempt from
 * that address for that username must wait 1 s, 2 s, 4 s … up to 5 minutes (login-delay.ts), and is
 * answered 429 with Retry-After until then, so the right password from any other address is never
 * refused because of someone else's failures. Per address across usernames, a cap stops password
 * spraying. The counts live in Redis so that every API process sees the same; a Redis that does
 * not answer within COMMAND_TIMEOUT_MS makes login answer 503 at once rather than hang.
 */
/** A (username, address) pair's count is forgotten after this long without a failure. */
const PAIR_WINDOW_SECONDS = 60 * 60;
/** Failures from one address, whatever the username, before it must wait for the window to end. */
const ADDRESS_LIMIT = 100;
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const COMMAND_TIMEOUT_MS = 1000;

@Injectable()
export class LoginThrottleService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      // Fail a command at once while disconnected, and within a second when Redis stops answering.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      keyPrefix: `${config.queuePrefix}:login:`,
    });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis：${error.message}`));
  }

  /** Connects before the API takes requests; a Redis that is down now is retried in the background. */
  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch(() => undefined);
  }

  /** Refuses (429) an attempt that comes before its wait is over, or from an address past its cap. */
  async assertAllowed(username: string, address: string | undefined): Promise<void> {
    const [waitMs, addressFailures, addressTtl] = await this.run(() =>
      this.redis.multi().pttl(this.waitKey(username, address)).get(this.addressKey(address)).ttl(this.addressKey(address)).exec(),
    ).then((replies) => (replies ?? []).map(([, value]) => value));
    if (Number(waitMs) > 0) {
      const seconds = Math.ceil(Number(waitMs) / 1000);
      throw tooMany(`该账号在此地址登录失败次数过多，请 ${seconds} 秒后再试`, seconds);
    }
    if (Number(addressFailures ?? 0) >= ADDRESS_LIMIT) {
      const seconds = Math.max(1, Number(addressTtl));
      throw tooMany(`此地址登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
    }
  }

  async recordFailure(username: string, address: string | undefined): Promise<void> {
    const pairKey = this.pairKey(username, address);
    const addressKey = this.addressKey(address);
    const replies = await this.run(() =>
      this.redis.multi().incr(pairKey).expire(pairKey, PAIR_WINDOW_SECONDS).incr(addressKey).expire(addressKey, ADDRESS_WINDOW_SECONDS, 'NX').exec(),
    );
    const delay = delayAfter(Number(replies?.[0]?.[1] ?? 0));
    if (delay > 0) await this.run(() => this.redis.set(this.waitKey(username, address), '1', 'EX', delay));
  }

  /** The right password clears the failures of this (username, address) pair only. */
  async recordSuccess(username: string, address: string | undefined): Promise<void> {
    await this.run(() => this.redis.del(this.pairKey(username, address), this.waitKey(username, address)));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      this.logger.warn(`登录限流无法访问 Redis：${error instanceof Error ? error.message : String(error)}`);
      throw unavailable('登录服务暂时不可用（缓存服务 Redis 无响应），请稍后重试');
    }
  }

  private pairKey(username: string, address: string | undefined): string {
    return `fail:${address ?? 'unknown'}:${username}`;
  }

  private waitKey(username: string, address: string | undefined): string {
    return `wait:${address ?? 'unknown'}:${username}`;
  }

  private addressKey(address: string | undefined): string {
    return `address:${address ?? 'unknown'}`;
  }
}
