import type { ContributorRole } from '../types';

/** In the order bylines name them: 记者, 通讯员, 摄影. */
export const CONTRIBUTOR_ROLES: readonly ContributorRole[] = ['reporter', 'correspondent', 'photographer'];

/** Choices labelled through the catalogue (resources.contributors.roles.*). */
export const contributorRoleChoices = CONTRIBUTOR_ROLES.map(role => ({
  id: role,
  name: `resources.contributors.roles.${role}`,
}));
