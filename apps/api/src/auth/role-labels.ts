import type { Role } from '@dsyb/db';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', editor: '编辑', reviewer: '审核' };
