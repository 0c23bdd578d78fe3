/**
 * Starts loading the code of the screen in the address together with the app, instead of after
 * the app has started and rendered its route: opening a link to the entries list (or an entry, an
 * issue, the dashboard) then waits for one round of downloads, not two. The screens are the same
 * lazy modules the resources declare, so React finds them already loaded.
 */
const SCREENS: Record<string, Partial<Record<'list' | 'show' | 'edit' | 'create', () => Promise<unknown>>>> = {
  entries: {
    list: () => import('./entries/EntryList'),
    show: () => import('./entries/EntryShow'),
    edit: () => import('./entries/EntryEdit'),
    create: () => import('./entries/EntryCreate'),
  },
  issues: {
    list: () => import('./issues/IssueList'),
    show: () => import('./issues/IssueShow'),
    edit: () => import('./issues/IssueEdit'),
    create: () => import('./issues/IssueCreate'),
  },
};

/** `#/entries`, `#/entries/create`, `#/entries/<id>`, `#/entries/<id>/show`; '' is the dashboard. */
export function screenOf(hash: string): { resource: string; view: 'list' | 'show' | 'edit' | 'create' } | undefined {
  const [resource, id, show] = hash.replace(/^#\/?/, '').split(/[/?]/);
  if (!resource) return undefined;
  if (!id) return { resource, view: 'list' };
  if (id === 'create') return { resource, view: 'create' };
  return { resource, view: show === 'show' ? 'show' : 'edit' };
}

export function prefetchScreen(hash: string): void {
  const screen = screenOf(hash);
  const load = screen ? SCREENS[screen.resource]?.[screen.view] : () => import('./dashboard/Dashboard');
  // A failed prefetch is retried by the screen itself when it renders.
  load?.().catch(() => undefined);
}

prefetchScreen(window.location.hash);
