import type { ContributorRole } from '@dsyb/contracts';

/** How the API's messages and files name a contributor's role (the admin's catalogue says the same). */
export const CONTRIBUTOR_ROLE_LABELS: Record<ContributorRole, string> = {
  reporter: '记者',
  correspondent: '通讯员',
  photographer: '摄影',
  intern: '实习生',
};
