import {
  BooleanInput,
  CheckboxGroupInput,
  maxLength,
  minLength,
  PasswordInput,
  regex,
  required,
  TextInput,
} from 'react-admin';
import { roleChoices } from './roles';
import { MAX_LENGTH, MIN_PASSWORD_LENGTH } from '@dsyb/contracts';

const validateUsername = [required(), regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, 'app.validation.username')];
const validateDisplayName = [required(), maxLength(MAX_LENGTH.user.displayName)];
const validateRoles = required();
const validateNewPassword = [required(), minLength(MIN_PASSWORD_LENGTH), maxLength(MAX_LENGTH.user.password)];
const validateChangedPassword = [minLength(MIN_PASSWORD_LENGTH), maxLength(MAX_LENGTH.user.password)];

/**
 * A login account. A new one needs a password; on an existing one the password is changed only
 * when one is typed. Accounts are deactivated rather than deleted, so the record keeps its authors.
 */
export const UserInputs = ({ isNew = false }: { isNew?: boolean }) => (
  <>
    <TextInput source="username" validate={validateUsername} helperText="app.users.username_help" autoComplete="off" />
    <TextInput source="displayName" validate={validateDisplayName} />
    <CheckboxGroupInput source="roles" choices={roleChoices} validate={validateRoles} />
    <BooleanInput source="active" helperText="app.users.active_help" />
    <PasswordInput
      source="password"
      validate={isNew ? validateNewPassword : validateChangedPassword}
      helperText={isNew ? 'app.users.password_help' : 'app.users.password_change_help'}
      autoComplete="new-password"
    />
  </>
);
