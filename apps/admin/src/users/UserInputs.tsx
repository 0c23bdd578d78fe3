import { Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  maxLength,
  PasswordInput,
  regex,
  required,
  TextInput,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { roleChoices } from './roles';
import { MAX_LENGTH, type UserAccount } from '@dsyb/contracts';
import { PasswordStrengthHint, validatePassword } from './passwordPolicy';

const validateUsername = [required(), regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, 'app.validation.username')];
const validateDisplayName = [required(), maxLength(MAX_LENGTH.user.displayName)];
const validateRoles = required();
const passwordPolicy = validatePassword({ usernameSource: 'username' });
const validateNewPassword = [required(), maxLength(MAX_LENGTH.user.password), passwordPolicy];
const validateChangedPassword = [maxLength(MAX_LENGTH.user.password), passwordPolicy];

/**
 * A login account. A new one needs a password; on an existing one the password is reset only
 * when one is typed, which ends that user's sessions. One's own password is changed on 修改密码
 * (with the current one), so it is not offered here. Accounts are deactivated rather than
 * deleted, so the record keeps its authors.
 */
export const UserInputs = ({ isNew = false }: { isNew?: boolean }) => {
  const record = useRecordContext<UserAccount>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const ownAccount = !isNew && record !== undefined && identity?.id === record.id;
  return (
    <>
      <TextInput source="username" validate={validateUsername} helperText="app.users.username_help" autoComplete="off" />
      <TextInput source="displayName" validate={validateDisplayName} />
      <CheckboxGroupInput source="roles" choices={roleChoices} validate={validateRoles} />
      <BooleanInput source="active" helperText="app.users.active_help" />
      {ownAccount ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.users.own_password_help')}
        </Typography>
      ) : (
        <>
          <PasswordInput
            source="password"
            validate={isNew ? validateNewPassword : validateChangedPassword}
            helperText={isNew ? 'app.users.password_help' : 'app.users.password_change_help'}
            autoComplete="new-password"
          />
          <PasswordStrengthHint source="password" usernameSource="username" />
        </>
      )}
    </>
  );
};
