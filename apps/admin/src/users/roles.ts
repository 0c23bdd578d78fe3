import { ROLES, type Role } from '@dsyb/contracts';

/** The order the choices are shown in: the everyday roles first. Every role has its place. */
const SHOWN_AT: Record<Role, number> = { editor: 0, reviewer: 1, admin: 2 };

/** 编辑 / 审核 / 管理员, labelled through the catalogue. */
export const roleChoices = [...ROLES].sort((a, b) => SHOWN_AT[a] - SHOWN_AT[b]).map(role => ({ id: role, name: `app.roles.${role}` }));
