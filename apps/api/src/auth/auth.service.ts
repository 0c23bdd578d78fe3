import { randomBytes } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { isUUID } from 'class-validator';
import { PrismaService } from '../prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/domain-errors';
import type { AuthUser, TokenPayload } from './auth.types';
import { LoginThrottleService } from './login-throttle.service';
import { assertPasswordAllowed } from './password-policy';

export interface Session {
  accessToken: string;
  user: AuthUser;
}

@Injectable()
export class AuthService {
  /**
   * An argon2id hash of a random password, with the same costs as real ones: an unknown username
   * (or a deactivated account) is checked against it, so that the answer takes as long as for a
   * real account and its timing does not tell which usernames exist.
   */
  private readonly unknownUserHash = hashPassword(randomBytes(32).toString('base64'));

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** `username` is already normalised (NormalizedUsername on the DTO). */
  async login(username: string, password: string, ip: string | undefined): Promise<Session> {
    await this.throttle.assertAllowed(username, ip);
    const user = await this.prisma.user.findUnique({ where: { username } });
    const matches = await verify(user?.passwordHash ?? (await this.unknownUserHash), password).catch(() => false);
    if (!user || !user.active || !matches) {
      await this.throttle.recordFailure(username, ip);
      await this.audit.record(this.prisma, { actor: user ?? undefined, actorName: username, action: 'auth.login_failed', entityType: 'user', entityId: user?.id, ip });
      throw new UnauthorizedException('用户名或密码错误');
    }
    await this.throttle.recordSuccess(username, ip);
    await this.audit.record(this.prisma, { actor: user, action: 'auth.login', entityType: 'user', entityId: user.id, ip });
    return this.session(user);
  }

  /**
   * A user changes their own password, giving the current one (throttled like a login, so a
   * stolen token cannot be used to guess it). Their other sessions end; this one gets a new token.
   */
  async changeOwnPassword(actor: AuthUser, currentPassword: string, newPassword: string, ip: string | undefined): Promise<Session> {
    await this.throttle.assertAllowed(actor.username, ip);
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) {
      await this.throttle.recordFailure(actor.username, ip);
      throw invalid('当前密码不正确');
    }
    if (newPassword === currentPassword) throw invalid('新密码不能与当前密码相同');
    assertPasswordAllowed(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    const updated = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.user.update({ where: { id: user.id }, data: { passwordHash, tokenVersion: { increment: 1 } } });
      await this.audit.record(tx, { actor, action: 'user.password_change', entityType: 'user', entityId: user.id, ip });
      return changed;
    });
    await this.throttle.recordSuccess(actor.username, ip);
    return this.session(updated);
  }

  /**
   * Checks the token and that its user still exists, is active and has not changed or been given
   * a new password since it was issued: deactivation and password changes end access at once.
   */
  async userForToken(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    // Correctly signed but not ours to read (an old or hand-made token): not a database error.
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub)) throw new UnauthorizedException('登录凭证无效，请重新登录');
    const user = await this.prisma.user.findUnique({ where: { id: payload.sub }, select: { id: true, username: true, displayName: true, roles: true, active: true, tokenVersion: true } });
    if (!user || !user.active) throw new UnauthorizedException('账号已停用或不存在，请重新登录');
    // Tokens issued before token versions existed carry none and count as version 0.
    if ((payload.ver ?? 0) !== user.tokenVersion) throw new UnauthorizedException('密码已修改，请使用新密码重新登录');
    return toAuthUser(user);
  }

  private async session(user: { id: string; username: string; displayName: string; roles: AuthUser['roles']; tokenVersion: number }): Promise<Session> {
    const payload: TokenPayload = { sub: user.id, ver: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload), user: toAuthUser(user) };
  }
}

export function toAuthUser(user: { id: string; username: string; displayName: string; roles: AuthUser['roles'] }): AuthUser {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
}

/** argon2id (the library's default algorithm) with its recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
