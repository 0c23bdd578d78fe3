import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { PrismaService } from '../prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, TokenPayload } from './auth.types';
import { LoginThrottleService } from './login-throttle.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(username: string, password: string, ip: string | undefined): Promise<{ accessToken: string; user: AuthUser }> {
    await this.throttle.assertAllowed(username, ip);
    const user = await this.prisma.user.findUnique({ where: { username } });
    const ok = user !== null && user.active && (await verify(user.passwordHash, password).catch(() => false));
    if (!user || !ok) {
      await this.throttle.recordFailure(username, ip);
      await this.audit.record(this.prisma, { actor: user ?? undefined, actorName: username, action: 'auth.login_failed', entityType: 'user', entityId: user?.id, ip });
      throw new UnauthorizedException('用户名或密码错误');
    }
    await this.throttle.recordSuccess(username);
    await this.audit.record(this.prisma, { actor: user, action: 'auth.login', entityType: 'user', entityId: user.id, ip });
    const payload: TokenPayload = { sub: user.id };
    return { accessToken: await this.jwt.signAsync(payload), user: toAuthUser(user) };
  }

  /** Checks the token and that its user still exists and is active: deactivation ends access at once. */
  async userForToken(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    const user = await this.prisma.user.findUnique({ where: { id: payload.sub }, select: { id: true, username: true, displayName: true, roles: true, active: true } });
    if (!user || !user.active) throw new UnauthorizedException('账号已停用或不存在，请重新登录');
    return toAuthUser(user);
  }
}

export function toAuthUser(user: { id: string; username: string; displayName: string; roles: AuthUser['roles'] }): AuthUser {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
}

/** argon2id (the library's default algorithm) with its recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
