/**
 * The screen in the address (`#/entries`, `#/entries/create`, `#/entries/<id>`,
 * `#/entries/<id>/show`; '' is the dashboard) and the code that draws it. The screens are the
 * same lazy modules the resources declare, so React finds them already loaded.
 */
export type View = 'list' | 'show' | 'edit' | 'create';

const SCREENS: Record<string, Partial<Record<View, () => Promise<unknown>>>> = {
  entries: {
    list: () => import('../entries/EntryList'),
    show: () => import('../entries/EntryShow'),
    edit: () => import('../entries/EntryEdit'),
    create: () => import('../entries/EntryCreate'),
  },
  issues: {
    list: () => import('../issues/IssueList'),
    show: () => import('../issues/IssueShow'),
    edit: () => import('../issues/IssueEdit'),
    create: () => import('../issues/IssueCreate'),
  },
};

export function screenOf(hash: string): { resource: string; view: View } | undefined {
  const [resource, id, show] = hash.replace(/^#\/?/, '').split(/[/?]/);
  if (!resource) return undefined;
  if (!id) return { resource, view: 'list' };
  if (id === 'create') return { resource, view: 'create' };
  return { resource, view: show === 'show' ? 'show' : 'edit' };
}

/** Starts loading the screen's code (a failed load is retried by the screen when it renders). */
export function loadScreenCode(screen: ReturnType<typeof screenOf>): void {
  const load = screen ? SCREENS[screen.resource]?.[screen.view] : () => import('../dashboard/Dashboard');
  load?.().catch(() => undefined);
}
