/**
 * The code that draws the screen in the address. The screens are the same lazy modules the
 * resources declare, so React finds them already loaded.
 */
import type { Screen, View } from '../routes/screen';

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
  'annual-volumes': {
    list: () => import('../annual-volumes/VolumeList'),
    show: () => import('../annual-volumes/VolumeShow'),
    edit: () => import('../annual-volumes/VolumeEdit'),
    create: () => import('../annual-volumes/VolumeCreate'),
  },
};

/** Starts loading the screen's code (a failed load is retried by the screen when it renders). */
export function loadScreenCode(screen: Screen | undefined): void {
  const load = screen ? SCREENS[screen.resource]?.[screen.view] : () => import('../dashboard/Dashboard');
  load?.().catch(() => undefined);
}
