import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState } from 'react-admin';
import { formatDateTime } from '../formatDate';

/** An ISO timestamp in the reader's time zone: 2020年10月15日 09:05. */
export const TimestampField = ({ source }: { source: string; label?: string }) => {
  const value: unknown = useFieldValue({ source });
  const [locale] = useLocaleState();
  if (typeof value !== 'string' || value === '') return null;
  return (
    <Typography component="span" variant="body2">
      {formatDateTime(value, locale)}
    </Typography>
  );
};
