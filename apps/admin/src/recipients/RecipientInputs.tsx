import { Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { MAX_LENGTH, MAX_RECIPIENT_EMAILS } from '@dsyb/contracts';
import { deliveryMethodChoices } from './deliveryMethods';
import { emailsProblem, isEmailAddress } from './recipientEmails';

const validateName = [required(), maxLength(MAX_LENGTH.recipient.name)];
const validateCategory = [required(), maxLength(MAX_LENGTH.recipient.category)];
const validatePosition = [required(), minValue(0), maxValue(100000)];
const validateContact = [maxLength(MAX_LENGTH.recipient.contactPerson)];
const validatePhone = [maxLength(MAX_LENGTH.recipient.phone)];
const validatePaperCopies = [required(), minValue(0), maxValue(1000)];
/** Each address on its own line of the list. */
const validateAddress: Validator[] = [required(), (value: unknown) => (typeof value === 'string' && value.trim() !== '' && !isEmailAddress(value.trim()) ? 'app.recipients.email_invalid_one' : undefined)];
/** An address never holds spaces: those typed or pasted around it are dropped. */
const trimAddress = (value: string) => value.trim();
/** The list as a whole, with the unit's method: e-mail delivery needs an address (as the server says). */
const validateEmails: Validator = (value: unknown, values: { deliveryMethod?: unknown }) => {
  const problem = emailsProblem(value, values?.deliveryMethod);
  return problem ? { message: problem.message, args: problem.args ?? {} } : undefined;
};

/** A recipient unit (发放单位) on the distribution list, in its printed order, and how it receives an issue. */
export const RecipientInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" validate={validateName} fullWidth />
      <TextInput source="category" validate={validateCategory} helperText="app.recipients.category_help" />
      <NumberInput source="position" validate={validatePosition} step={1} helperText="app.recipients.position_help" />
      <BooleanInput source="active" helperText="app.recipients.active_help" />
      <Typography variant="subtitle1" component="h2" sx={{ mt: 2, fontWeight: 700 }}>
        {translate('app.recipients.delivery_heading')}
      </Typography>
      <SelectInput source="deliveryMethod" choices={deliveryMethodChoices} validate={required()} helperText="app.recipients.method_help" />
      <TextInput source="contactPerson" validate={validateContact} />
      <TextInput source="phone" validate={validatePhone} helperText="app.recipients.phone_help" />
      <ArrayInput source="emails" validate={validateEmails} helperText={translate('app.recipients.emails_help', { max: MAX_RECIPIENT_EMAILS })} fullWidth>
        <SimpleFormIterator disableReordering inline>
          <TextInput source="" label="app.recipients.email" type="email" validate={validateAddress} parse={trimAddress} helperText={false} sx={{ minWidth: '20rem' }} />
        </SimpleFormIterator>
      </ArrayInput>
      <NumberInput source="paperCopies" validate={validatePaperCopies} step={1} min={0} helperText="app.recipients.paper_copies_help" />
    </>
  );
};
