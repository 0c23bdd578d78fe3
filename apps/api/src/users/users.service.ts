import { Injectable } from '@nestjs/common';
import type { Prisma, Role } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.service';
import { assertPasswordAllowed } from '../auth/password-policy';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { ROLES } from './user.dto';
import type { CreateUserDto, UpdateUserDto } from './user.dto';

export const USER_LIST: ListSpec = {
  sortable: ['username', 'displayName', 'active', 'createdAt', 'updatedAt'],
  defaultSort: ['username', 'asc'],
  filters: { id: 'ids', active: 'boolean', role: 'string', q: 'string' },
};

interface UserFilter { id: string | string[]; active: boolean; role: string; q: string }

/** Everything but passwordHash, which never leaves this service (nor enters the audit trail). */
const USER_SELECT = {
  id: true, username: true, displayName: true, roles: true, active: true, createdAt: true, updatedAt: true,
} satisfies Prisma.UserSelect;

/** What a user has written; such a user is deactivated, not deleted, so the record keeps its authors. */
const AUTHORED_LABELS = {
  createdEntries: '条条目',
  revisions: '条修订记录',
  comments: '条审核意见',
  signedOffIssues: '期签发记录',
  corrections: '条勘误',
} as const;

@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<UserFilter>>) {
    const { role, q } = query.filter;
    if (role !== undefined && !ROLES.includes(role as Role)) throw invalid(`参数 filter 的 role 取值无效：${role}（可用：${ROLES.join('、')}）`);
    const where: Prisma.UserWhereInput = {
      id: idsFilter(query.filter.id),
      active: query.filter.active,
      ...(role ? { roles: { has: role as Role } } : {}),
      ...(q ? { OR: [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({ where, select: USER_SELECT, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.user.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string) {
    const user = await this.prisma.user.findUnique({ where: { id }, select: USER_SELECT });
    if (!user) throw notFound('用户', id);
    return user;
  }

  async create(dto: CreateUserDto, actor: AuthUser) {
    const { password, ...fields } = dto;
    await this.assertUsernameFree(fields.username);
    assertPasswordAllowed(password, fields.username);
    const passwordHash = await hashPassword(password);
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...fields, passwordHash }, select: USER_SELECT });
      await this.audit.record(tx, { actor, action: 'user.create', entityType: 'user', entityId: user.id, after: user });
      return user;
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser) {
    const before = await this.get(id);
    const { password, ...fields } = dto;
    if (id === actor.id && fields.active === false) throw conflict('不能停用自己的账号');
    if (id === actor.id && fields.roles && !fields.roles.includes('admin')) throw conflict('不能取消自己的管理员角色');
    // One's own password is changed with the current one (POST /api/auth/password), not reset here.
    if (id === actor.id && password) throw conflict('修改自己的密码请使用“修改密码”（需要输入当前密码）');
    if (fields.username !== undefined && fields.username !== before.username) await this.assertUsernameFree(fields.username);
    if (password) assertPasswordAllowed(password, fields.username ?? before.username);
    const passwordHash = password ? await hashPassword(password) : undefined;
    return this.prisma.$transaction(async (tx) => {
      // A reset password ends the user's sessions: tokens carry the version they were issued at.
      const tokenVersion = passwordHash ? { increment: 1 } : undefined;
      const user = await tx.user.update({ where: { id }, data: { ...fields, passwordHash, tokenVersion }, select: USER_SELECT });
      const after = passwordHash ? { ...user, passwordChanged: true } : user;
      await this.audit.record(tx, { actor, action: 'user.update', entityType: 'user', entityId: id, before, after });
      return user;
    });
  }

  async remove(id: string, actor: AuthUser) {
    if (id === actor.id) throw conflict('不能删除自己的账号');
    const before = await this.get(id);
    const counts = await this.prisma.user.findUniqueOrThrow({
      where: { id },
      select: { _count: { select: { createdEntries: true, revisions: true, comments: true, signedOffIssues: true, corrections: true } } },
    });
    const authored = (Object.keys(AUTHORED_LABELS) as (keyof typeof AUTHORED_LABELS)[])
      .filter((key) => counts._count[key] > 0)
      .map((key) => `${counts._count[key]} ${AUTHORED_LABELS[key]}`);
    if (authored.length > 0) {
      throw conflict(`用户 ${before.username} 已有 ${authored.join('、')}，不能删除；可将其停用（active=false）。`);
    }
    return this.prisma.$transaction(async (tx) => {
      await tx.user.delete({ where: { id } });
      await this.audit.record(tx, { actor, action: 'user.delete', entityType: 'user', entityId: id, before });
      return before;
    });
  }

  private async assertUsernameFree(username: string) {
    const existing = await this.prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (existing) throw conflict(`用户名 ${username} 已存在`);
  }
}
