import { Card, CardContent, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { Authenticated, Form, maxLength, PasswordInput, required, SaveButton, Title, Toolbar, useNotify, useTranslate } from 'react-admin';
import { MAX_LENGTH } from '@dsyb/contracts';
import { narrowFormSx } from '../fields/formLayout';
import { changeOwnPassword } from '../providers/account';
import { readSession } from '../providers/session';
import { errorMessage } from '../review/useTransitions';
import { PasswordStrengthHint, validatePassword } from '../users/passwordPolicy';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: unknown, values: Record<string, unknown>) => (value && value !== values.newPassword ? 'app.account.mismatch' : undefined);

/**
 * 修改密码, from the user menu: the current password, then the new one twice, checked against
 * the password policy as it is typed. Afterwards the user's other sessions end; this one goes on.
 */
const ChangePassword = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const username = readSession()?.user.username;
  const validateNew = [required(), maxLength(MAX_LENGTH.user.password), validatePassword({ username })];

  const submit = async (values: Partial<PasswordChange>) => {
    try {
      await changeOwnPassword(values.currentPassword ?? '', values.newPassword ?? '');
      notify('app.account.changed', { type: 'success' });
      navigate('/');
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    }
  };

  return (
    <Authenticated>
      <Title title="app.account.change_password" />
      <Card sx={{ mt: 2, ...narrowFormSx }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.account.help')}
          </Typography>
          <Form onSubmit={submit}>
            <PasswordInput source="currentPassword" label="app.account.current_password" validate={required()} autoComplete="current-password" fullWidth />
            <PasswordInput source="newPassword" label="app.account.new_password" validate={validateNew} helperText="app.account.new_password_help" autoComplete="new-password" fullWidth />
            <PasswordStrengthHint source="newPassword" username={username} />
            <PasswordInput source="confirmPassword" label="app.account.confirm_password" validate={[required(), sameAsNew]} autoComplete="new-password" fullWidth />
            <Toolbar sx={{ px: 0, bgcolor: 'transparent' }}>
              <SaveButton label="app.account.change_password" />
            </Toolbar>
          </Form>
        </CardContent>
      </Card>
    </Authenticated>
  );
};

export default ChangePassword;
