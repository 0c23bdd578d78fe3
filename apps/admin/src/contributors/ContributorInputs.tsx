import { maxLength, required, SelectInput, TextInput } from 'react-admin';
import { contributorRoleChoices } from './contributorRoles';
import { MAX_LENGTH } from '@dsyb/contracts';

const validateName = [required(), maxLength(MAX_LENGTH.contributor.name)];
const validateRole = required();
const validateOrganisation = maxLength(MAX_LENGTH.contributor.organisation);

/** Someone credited on sources and entries: 记者, 通讯员 or 摄影, and where they work. */
export const ContributorInputs = () => (
  <>
    <TextInput source="name" validate={validateName} />
    <SelectInput source="role" choices={contributorRoleChoices} validate={validateRole} />
    <TextInput source="organisation" validate={validateOrganisation} helperText="app.contributors.organisation_help" fullWidth />
  </>
);
