import { usePermissions } from 'react-admin';
import type { Role } from '@dsyb/contracts';

const NONE: readonly Role[] = [];

/** The signed-in user's roles (authProvider.getPermissions); none while they load. */
export function useRoles(): readonly Role[] {
  const { permissions } = usePermissions<Role[]>();
  return Array.isArray(permissions) ? permissions : NONE;
}
