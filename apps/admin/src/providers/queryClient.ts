/**
 * react-admin's query client, with the signed-in user's answers to its own questions already in
 * it when the app starts.
 *
 * react-admin asks the authProvider, through react-query, whether the session is valid
 * (checkAuth), for the roles (getPermissions) and, for every menu item, button and page, whether
 * the user may open it (canAccess). Our authProvider answers all of these from the session in
 * localStorage, without asking the server, but react-query delivers each answer a task later, and
 * the pages wait for them in turn: the frame for checkAuth, each menu item for its canAccess,
 * the list for its own before it asks for its rows. On a slow machine each round is a render of
 * the whole frame. With the same answers (access.ts, the function the authProvider uses) in the
 * cache from the start, the frame, the menu and the list are drawn in the first render. The
 * answers to canAccess stay fresh for five minutes (as react-admin keeps the roles), checkAuth
 * for thirty seconds.
 *
 * The cache keys are react-admin's (ra-core: useAuthState, usePermissions, useCanAccess). Should
 * they change, nothing is found here and react-admin asks as before: slower, never wrong.
 */
import { QueryClient } from '@tanstack/react-query';
import { ACTIONS, canAccess, RESOURCES } from './access';
import { liveSession } from './session';

const ACCESS_STALE_MS = 5 * 60 * 1000;
const CHECK_AUTH_STALE_MS = 30 * 1000;

export function createQueryClient(): QueryClient {
  const client = new QueryClient();
  const session = liveSession();
  if (!session) return client;
  const roles = session.user.roles;
  // What the user may open changes only with the roles, which come with the session: no need to
  // ask again on every page (react-admin itself keeps the roles for five minutes).
  client.setQueryDefaults(['auth', 'canAccess'], { staleTime: ACCESS_STALE_MS });
  // checkAuth only reads the token's expiry here; asking on every page a second apart redrew the
  // whole frame each time. A token that expires in between is refused by the server (401), which
  // signs out at once (authProvider.checkError).
  client.setQueryDefaults(['auth', 'checkAuth'], { staleTime: CHECK_AUTH_STALE_MS });
  client.setQueryData(['auth', 'checkAuth', {}], true);
  client.setQueryData(['auth', 'getPermissions', {}], roles);
  // Not the identity: react-admin asks for it once in five minutes, and that answer (/auth/me)
  // also refreshes the stored user and roles (authProvider.getIdentity).
  for (const resource of RESOURCES) {
    for (const action of ACTIONS) {
      const allowed = canAccess(roles, { resource, action });
      client.setQueryData(['auth', 'canAccess', { action, resource }], allowed);
      // A list page asks with `enabled` among its parameters (useRequireAccess).
      client.setQueryData(['auth', 'canAccess', { action, resource, enabled: true }], allowed);
    }
  }
  return client;
}

export const queryClient = createQueryClient();
