/**
 * The screen in the address: `#/entries`, `#/entries/create`, `#/entries/<id>`,
 * `#/entries/<id>/show`; '' is the dashboard.
 */
export type View = 'list' | 'show' | 'edit' | 'create';

export interface Screen {
  resource: string;
  view: View;
}

export function screenOf(hash: string): Screen | undefined {
  const [resource, id, show] = hash.replace(/^#\/?/, '').split(/[/?]/);
  if (!resource) return undefined;
  if (!id) return { resource, view: 'list' };
  if (id === 'create') return { resource, view: 'create' };
  return { resource, view: show === 'show' ? 'show' : 'edit' };
}
