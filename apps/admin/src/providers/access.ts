/**
 * Who may do what in the admin, as a pure function of the user's roles. The server enforces
 * the same rules (the @Roles of each controller); this only keeps the interface from offering
 * what would be refused.
 */
import type { Role } from '@dsyb/contracts';

export type ResourceName =
  | 'issues'
  | 'entries'
  | 'sources'
  | 'sections'
  | 'recipients'
  | 'contributors'
  | 'users'
  | 'renditions'
  | 'audit-events'
  | 'settings'
  | 'deliveries'
  | 'search-terms'
  | 'annual-volumes'
  | 'annual-volume-entries'
  | 'annual-index-terms';

interface ResourceRules {
  /** Roles that may read; everyone signed in when absent. */
  readers?: readonly Role[];
  /** Roles that may create, edit and delete. */
  writers: readonly Role[];
}

const RULES: Record<ResourceName, ResourceRules> = {
  issues: { writers: ['admin', 'editor'] },
  entries: { writers: ['admin', 'editor'] },
  sources: { writers: ['admin', 'editor'] },
  contributors: { writers: ['admin', 'editor'] },
  sections: { writers: ['admin'] },
  recipients: { writers: ['admin'] },
  users: { readers: ['admin'], writers: ['admin'] },
  // Anyone signed in may ask for a proof; the server decides whether a final may be made.
  renditions: { writers: ['admin', 'editor', 'reviewer'] },
  // The audit trail is read-only, and for administrators only (as the API's @Roles says).
  'audit-events': { readers: ['admin'], writers: [] },
  // 刊头设置: anyone may read it (issues print it), only administrators change it here.
  settings: { readers: ['admin'], writers: ['admin'] },
  // 发放情况: anyone signed in sees who received and signed; editors and administrators dispatch,
  // resend, revoke, record paper receipts and remind (as the API's @Roles says).
  deliveries: { writers: ['admin', 'editor'] },
  // 检索词典: anyone signed in reads it; editors and administrators add, change and remove words.
  'search-terms': { writers: ['admin', 'editor'] },
  // 年度大事记: anyone signed in reads it (reviewers review it); editors and administrators compile
  // and edit it, its events and its index. Its workflow buttons follow the issue's rules.
  'annual-volumes': { writers: ['admin', 'editor'] },
  'annual-volume-entries': { writers: ['admin', 'editor'] },
  'annual-index-terms': { writers: ['admin', 'editor'] },
};

const READ_ACTIONS = new Set(['list', 'show', 'export']);

/** Every resource the rules name. */
export const RESOURCES = Object.keys(RULES) as ResourceName[];
/** The actions react-admin asks about: the read ones and the write ones. */
export const ACTIONS = ['list', 'show', 'export', 'create', 'edit', 'delete'] as const;

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some(role => allowed.includes(role));

export function canAccess(roles: readonly Role[], request: { resource: string; action: string }): boolean {
  if (roles.length === 0) return false;
  const rules = RULES[request.resource as ResourceName] as ResourceRules | undefined;
  if (!rules) return false;
  if (READ_ACTIONS.has(request.action)) return rules.readers === undefined || hasAny(roles, rules.readers);
  return hasAny(roles, rules.writers);
}
