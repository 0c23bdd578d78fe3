import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState } from 'react-admin';
import { formatDate } from '../formatDate';

/** A "YYYY-MM-DD" date shown as readers write it: 2020年10月15日. */
export const CalendarDateField = ({ source }: { source: string; label?: string }) => {
  const value: unknown = useFieldValue({ source });
  const [locale] = useLocaleState();
  if (typeof value !== 'string' || value === '') return null;
  return (
    <Typography component="span" variant="body2">
      {formatDate(value, locale)}
    </Typography>
  );
};
