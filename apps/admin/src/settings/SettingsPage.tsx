import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Authenticated, SaveButton, Title, Toolbar, useTranslate } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { errorMessage } from '../review/useTransitions';

/**
 * The frame of a settings screen (刊头设置, 分发设置): its title and help, progress while the
 * settings load, a refusal for those who may not edit them, the load's error, then the form.
 */
export const SettingsPage = ({
  title,
  help,
  checking,
  canAccess,
  loading,
  error,
  children,
}: {
  title: string;
  help: string;
  /** The access check is under way. */
  checking: boolean;
  canAccess: boolean | undefined;
  loading: boolean;
  error: unknown;
  /** The form, once the settings are there. */
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Authenticated>
      <Title title={title} />
      <Card sx={{ mt: 2, ...narrowFormSx }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(help)}
          </Typography>
          {checking || (canAccess && loading) ? <LinearProgress /> : null}
          {!checking && !canAccess ? <Alert severity="warning">{translate('ra.message.access_denied')}</Alert> : null}
          {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
          {children}
        </CardContent>
      </Card>
    </Authenticated>
  );
};

/** A settings form's save button, disabled while it saves. */
export const SettingsToolbar = ({ saving }: { saving: boolean }) => (
  <Toolbar sx={{ px: 0, bgcolor: 'transparent' }}>
    <SaveButton disabled={saving} />
  </Toolbar>
);
