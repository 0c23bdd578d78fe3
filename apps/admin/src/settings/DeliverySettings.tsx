import { Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BooleanInput,
  Form,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  PasswordInput,
  regex,
  required,
  ResourceContextProvider,
  TextInput,
  useCanAccess,
  useTranslate,
  useNotify,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { DeliverySettings as Settings } from '@dsyb/contracts';
import { distribution, type DeliverySettingsChanges } from '../providers/distribution';
import { errorMessage } from '../review/useTransitions';
import { SettingsPage, SettingsToolbar } from './SettingsPage';
import { deliverySettingsChanges, type DeliverySettingsForm } from './deliverySettingsChanges';

const QUERY_KEY = ['settings', 'delivery'];
const validateUrl = [regex(/^https?:\/\/[^\s/]+/, 'app.delivery_settings.public_url_invalid'), maxLength(300)];
const validatePort = [required(), minValue(1), maxValue(65535)];
const validateTtl = [required(), minValue(1), maxValue(3650)];
const validateOverdue = [required(), minValue(1), maxValue(365)];

/**
 * 分发设置: where units open their links, the mail server that e-mails them, whether the PDF goes
 * with the e-mail, how long a link stays valid and when a receipt is overdue. Administrators
 * only. The SMTP password is never shown: the field says whether one is set, and left blank
 * keeps it.
 */
const DeliverySettings = () => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'settings', action: 'edit' });
  const { data, isPending, error } = useQuery({ queryKey: QUERY_KEY, queryFn: () => distribution.settings(), enabled: canAccess === true });
  const save = useMutation({
    mutationFn: (changes: DeliverySettingsChanges) => distribution.updateSettings(changes),
    onSuccess: settings => {
      queryClient.setQueryData(QUERY_KEY, settings);
      notify('app.delivery_settings.saved', { type: 'success' });
    },
    onError: failure => notify(errorMessage(failure), { type: 'error', multiLine: true }),
  });
  const submit = (values: DeliverySettingsForm, saved: Settings) => {
    const changes = deliverySettingsChanges(values, saved);
    if (Object.keys(changes).length > 0) save.mutate(changes);
  };

  return (
    <SettingsPage title="app.delivery_settings.title" help="app.delivery_settings.help" checking={checking} canAccess={canAccess} loading={isPending} error={error}>
      {data ? (
        <ResourceContextProvider value="delivery-settings">
          {/* A new record after each save: the password field empties and says 已设置. */}
          <Form
            key={data.updatedAt}
            record={{ ...data, smtpPassword: '', clearPassword: false }}
            onSubmit={(values: DeliverySettingsForm) => submit(values, data)}
            warnWhenUnsavedChanges
          >
            <TextInput source="publicUrl" validate={validateUrl} fullWidth helperText="app.delivery_settings.public_url_help" />
            <Heading label="app.delivery_settings.smtp_heading" help="app.delivery_settings.smtp_help" />
            <TextInput source="smtpHost" validate={maxLength(200)} fullWidth />
            <NumberInput source="smtpPort" validate={validatePort} step={1} />
            <BooleanInput source="smtpSecure" helperText="app.delivery_settings.smtp_secure_help" />
            <TextInput source="smtpUser" validate={maxLength(200)} fullWidth autoComplete="off" />
            <PasswordField passwordSet={data.smtpPasswordSet} />
            <TextInput source="sender" validate={maxLength(300)} fullWidth helperText="app.delivery_settings.sender_help" />
            <BooleanInput source="attachPdf" helperText="app.delivery_settings.attach_pdf_help" />
            <Heading label="app.delivery_settings.links_heading" />
            <NumberInput source="linkTtlDays" validate={validateTtl} step={1} helperText="app.delivery_settings.link_ttl_help" />
            <NumberInput source="overdueDays" validate={validateOverdue} step={1} helperText="app.delivery_settings.overdue_help" />
            <SettingsToolbar saving={save.isPending} />
          </Form>
        </ResourceContextProvider>
      ) : null}
    </SettingsPage>
  );
};

const Heading = ({ label, help }: { label: string; help?: string }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1" component="h2" sx={{ mt: 2, fontWeight: 700 }}>
        {translate(label)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(help)}
        </Typography>
      ) : null}
    </>
  );
};

/** The SMTP password: write-only. Says whether one is set; blank keeps it; a box clears it. */
const PasswordField = ({ passwordSet }: { passwordSet: boolean }) => {
  const clearing = useWatch({ name: 'clearPassword' }) === true;
  return (
    <>
      <PasswordInput
        source="smtpPassword"
        fullWidth
        disabled={clearing}
        autoComplete="new-password"
        helperText={clearing ? 'app.delivery_settings.password_cleared' : passwordSet ? 'app.delivery_settings.password_set' : 'app.delivery_settings.password_unset'}
      />
      {passwordSet ? <BooleanInput source="clearPassword" label="app.delivery_settings.clear_password" helperText={false} /> : null}
    </>
  );
};

export default DeliverySettings;
