import { BooleanInput, maxLength, maxValue, minValue, NumberInput, required, TextInput } from 'react-admin';
import { MAX_LENGTH } from '@dsyb/contracts';

const validateName = [required(), maxLength(MAX_LENGTH.recipient.name)];
const validateCategory = [required(), maxLength(MAX_LENGTH.recipient.category)];
const validatePosition = [required(), minValue(0), maxValue(100000)];

/** A recipient unit (发放单位) on the distribution list, in its printed order. */
export const RecipientInputs = () => (
  <>
    <TextInput source="name" validate={validateName} fullWidth />
    <TextInput source="category" validate={validateCategory} helperText="app.recipients.category_help" />
    <NumberInput source="position" validate={validatePosition} step={1} helperText="app.recipients.position_help" />
    <BooleanInput source="active" helperText="app.recipients.active_help" />
  </>
);
