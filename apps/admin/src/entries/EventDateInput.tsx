import { Stack } from '@mui/material';
import { FormDataConsumer, RadioButtonGroupInput, required } from 'react-admin';
import type { EventDatePrecision } from '@dsyb/contracts';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { EntryDateWarning } from './EntryDateWarning';

export const eventDatePrecisionChoices: { id: EventDatePrecision; name: string }[] = [
  { id: 'day', name: 'resources.entries.precision.day' },
  { id: 'month', name: 'resources.entries.precision.month' },
];

const validateEventDate = required();

/**
 * When the event happened, to the day ("9月17日") or only to the month ("9月", stored as the 1st
 * of that month), typed year first whatever the browser's language; below it, a warning when
 * the date lies outside the period or the body names another day.
 */
export const EventDateInput = () => (
  <>
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
      <RadioButtonGroupInput
        source="eventDatePrecision"
        choices={eventDatePrecisionChoices}
        defaultValue="day"
        row
        helperText={false}
      />
      <FormDataConsumer<{ eventDatePrecision?: EventDatePrecision }>>
        {({ formData }) =>
          formData.eventDatePrecision === 'month' ? (
            <CalendarDateInput key="month" source="eventDate" precision="month" validate={validateEventDate} helperText="app.entries.month_precision_help" />
          ) : (
            <CalendarDateInput key="day" source="eventDate" validate={validateEventDate} helperText={false} />
          )
        }
      </FormDataConsumer>
    </Stack>
    <EntryDateWarning />
  </>
);
