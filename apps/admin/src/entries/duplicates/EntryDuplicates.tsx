import { useMemo } from 'react';
import { useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { EventDatePrecision } from '@dsyb/contracts';
import { useDebounced } from '../../fields/useDebounced';
import { bodyPlainText } from '../body/bodyText';
import { DUPLICATE_DEBOUNCE_MS, entryDuplicateRequest } from './duplicates';
import { DuplicatePanel } from './DuplicatePanel';

/**
 * Below the entry form's fields: existing entries of a few days around the event date whose
 * title or text is alike, asked once the typing has paused, so that an event is not recorded
 * twice. The entry being edited is left out. It never takes the focus; links open in a new tab,
 * so the form being written stays as it is.
 */
export const EntryDuplicates = () => {
  const entry = useRecordContext<{ id?: string }>();
  const [title, bodyHtml, eventDate, eventDatePrecision] = useWatch({ name: ['title', 'bodyHtml', 'eventDate', 'eventDatePrecision'] }) as [
    unknown,
    unknown,
    unknown,
    EventDatePrecision | undefined,
  ];
  const typed = useMemo(() => ({ title, bodyHtml, eventDate, eventDatePrecision }), [title, bodyHtml, eventDate, eventDatePrecision]);
  const settled = useDebounced(typed, DUPLICATE_DEBOUNCE_MS);
  const request = useMemo(
    () =>
      entryDuplicateRequest({
        title: settled.title,
        // The body's text is read once the typing pauses, not at every keystroke.
        text: typeof settled.bodyHtml === 'string' ? bodyPlainText(settled.bodyHtml) : undefined,
        eventDate: settled.eventDate,
        eventDatePrecision: settled.eventDatePrecision,
        entryId: entry?.id,
      }),
    [settled, entry?.id],
  );
  return <DuplicatePanel request={request} newTab />;
};
