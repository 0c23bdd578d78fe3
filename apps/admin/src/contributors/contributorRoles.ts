import { CONTRIBUTOR_ROLES } from '@dsyb/contracts';

/** In the order bylines name them (记者, 通讯员, 摄影), labelled through the catalogue (resources.contributors.roles.*). */
export const contributorRoleChoices = CONTRIBUTOR_ROLES.map(role => ({
  id: role,
  name: `resources.contributors.roles.${role}`,
}));
