import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** How often the dashboard reads its lists again while it is on screen. */
export const DASHBOARD_REFRESH_MS = 60_000;
/** Focus and visibility often arrive together (switching back to the tab): one reload for both. */
const SETTLE_MS = 2_000;
/** What the dashboard shows: issues and their contents, entries (task lists, counts), PDFs, receipts awaited. */
const DASHBOARD_RESOURCES = new Set<unknown>(['issues', 'entries', 'renditions', 'deliveries']);

/**
 * Keeps the dashboard current without a reload: its lists are read again when the window
 * regains focus or the tab becomes visible, and every minute while it is visible. The data on
 * screen stays until the new data arrives (react-query keeps it), so nothing flickers, nothing
 * is re-mounted and the scroll position stays.
 */
export function useDashboardRefresh(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let last = Date.now();
    const refresh = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < SETTLE_MS) return;
      last = Date.now();
      void queryClient.invalidateQueries({ predicate: query => DASHBOARD_RESOURCES.has(query.queryKey[0]) }, { cancelRefetch: false });
    };
    const timer = window.setInterval(refresh, DASHBOARD_REFRESH_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [queryClient]);
}
