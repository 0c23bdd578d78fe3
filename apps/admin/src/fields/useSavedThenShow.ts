import { useCallback } from 'react';
import { useNotify, useRedirect, useResourceContext, useTranslate, type RaRecord } from 'react-admin';

/**
 * Runs `callback` once the browser has drawn the next frame (or after 100 ms in a hidden tab,
 * where no frame is drawn).
 */
function afterNextPaint(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/**
 * The success of a save, as react-admin reports it (已更新 1 项 / 已创建 1 项, from the same
 * translation keys), but shown before the record's page is drawn rather than after it: drawing
 * that page takes longer than the save itself, and the user should see at once that the save went
 * through. Pass as `mutationOptions.onSuccess` of an Edit or Create.
 */
export function useSavedThenShow(kind: 'created' | 'updated') {
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const resource = useResourceContext();
  return useCallback(
    (saved: RaRecord) => {
      notify(`resources.${resource}.notifications.${kind}`, {
        type: 'info',
        messageArgs: { smart_count: 1, _: translate(`ra.notification.${kind}`, { smart_count: 1 }) },
      });
      afterNextPaint(() => redirect('show', resource, saved.id, saved));
    },
    [kind, notify, redirect, resource, translate],
  );
}
