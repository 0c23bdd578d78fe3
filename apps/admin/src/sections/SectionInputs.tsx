import { BooleanInput, maxLength, maxValue, minValue, NumberInput, regex, required, TextInput } from 'react-admin';
import { MAX_LENGTH } from '@dsyb/contracts';

const validateName = [required(), maxLength(MAX_LENGTH.section.name)];
const validateKey = [required(), regex(/^[a-z][a-z0-9-]{1,39}$/, 'app.validation.section_key')];
const validatePosition = [required(), minValue(0), maxValue(10000)];

/** A section (栏目) of the chronicle; retiring one (active off) keeps it on the entries that have it. */
export const SectionInputs = () => (
  <>
    <TextInput source="name" validate={validateName} />
    <TextInput source="key" validate={validateKey} helperText="app.sections.key_help" />
    <NumberInput source="position" validate={validatePosition} step={1} helperText="app.sections.position_help" />
    <BooleanInput source="active" helperText="app.sections.active_help" />
  </>
);
