import type { Role } from '@dsyb/contracts';

export const ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

/** 编辑 / 审核 / 管理员, labelled through the catalogue. */
export const roleChoices = ROLES.map(role => ({ id: role, name: `app.roles.${role}` }));
