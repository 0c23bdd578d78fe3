import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { UserAccount } from '@dsyb/contracts';

export const RolesField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<UserAccount>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      {record.roles.map(role => (
        <Chip key={role} size="small" variant="outlined" label={translate(`app.roles.${role}`)} />
      ))}
    </Stack>
  );
};
