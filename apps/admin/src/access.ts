/**
 * Who may do what in the admin, as a pure function of the user's roles. The server enforces
 * the same rules; this only keeps the interface from offering what would be refused.
 */
import type { Role } from './types';

export type ResourceName = 'issues' | 'sections' | 'entries';

/** Roles that may change each resource; everyone signed in may read everything. */
const WRITERS: Record<ResourceName, readonly Role[]> = {
  issues: ['admin', 'editor'],
  entries: ['admin', 'editor'],
  sections: ['admin'],
};

const READ_ACTIONS = new Set(['list', 'show', 'export']);

export function canAccess(roles: readonly Role[], request: { resource: string; action: string }): boolean {
  if (roles.length === 0) return false;
  if (READ_ACTIONS.has(request.action)) return true;
  const writers = WRITERS[request.resource as ResourceName];
  return writers !== undefined && roles.some(role => writers.includes(role));
}
