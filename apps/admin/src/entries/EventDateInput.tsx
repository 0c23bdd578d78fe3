import { Stack } from '@mui/material';
import { DateInput, FormDataConsumer, RadioButtonGroupInput, required, TextInput } from 'react-admin';
import type { EventDatePrecision } from '@dsyb/contracts';

export const eventDatePrecisionChoices: { id: EventDatePrecision; name: string }[] = [
  { id: 'day', name: 'resources.entries.precision.day' },
  { id: 'month', name: 'resources.entries.precision.month' },
];

const validateEventDate = required();

/** "2020-09-17" → "2020-09" for a month picker. */
const toMonth = (value: unknown) => (typeof value === 'string' ? value.slice(0, 7) : '');
/** A month is stored as its first day: "2020-09" → "2020-09-01". */
const fromMonth = (value: string) => (/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value);

/**
 * When the event happened, to the day ("9月17日") or only to the month ("9月"). A month is
 * picked with the browser's month picker and stored as the 1st of that month.
 */
export const EventDateInput = () => (
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
          <TextInput
            source="eventDate"
            type="month"
            format={toMonth}
            parse={fromMonth}
            validate={validateEventDate}
            helperText="app.entries.month_precision_help"
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ minWidth: '12rem' }}
          />
        ) : (
          <DateInput source="eventDate" validate={validateEventDate} helperText={false} sx={{ minWidth: '12rem' }} />
        )
      }
    </FormDataConsumer>
  </Stack>
);
