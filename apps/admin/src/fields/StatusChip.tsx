import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useResourceContext, useTranslate } from 'react-admin';

/**
 * A workflow status as a coloured chip labelled in the user's language
 * (`resources.<resource>.status.<value>`).
 */
export const StatusChip = ({
  source = 'status',
  resource: resourceProp,
  colors,
}: {
  source?: string;
  resource?: string;
  label?: string;
  colors: Record<string, ChipProps['color']>;
}) => {
  const value: unknown = useFieldValue({ source });
  const resource = useResourceContext({ resource: resourceProp });
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={colors[value] ?? 'default'}
      label={translate(`resources.${resource}.status.${value}`, { _: value })}
    />
  );
};
