import { useEffect } from 'react';
import { Edit, maxLength, required, SaveButton, SimpleForm, TextInput, Toolbar, useNotify, useRecordContext } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AnnualVolume } from '@dsyb/contracts';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { narrowFormSx } from '../fields/formLayout';
import { canEditIssue } from '../review/allowedTransitions';
import { useRoles } from '../review/useRoles';
import { annualVolumePath } from '../routes/paths';

const validateText = [required(), maxLength(200)];
const validateDate = required();

/**
 * The volume's cover data: title, compiler, publication date. Saved pessimistically, so that a
 * stale version (409) is reported while the changes are still in the form. A volume that may not
 * be changed now (signed off, published) opens its read-only page instead.
 */
const VolumeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm
      warnWhenUnsavedChanges
      sx={narrowFormSx}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <FrozenGuard />
      <TextInput source="title" validate={validateText} fullWidth />
      <TextInput source="compiler" validate={validateText} fullWidth />
      <CalendarDateInput source="publicationDate" validate={validateDate} />
    </SimpleForm>
  </Edit>
);

const FrozenGuard = () => {
  const volume = useRecordContext<AnnualVolume>();
  const roles = useRoles();
  const navigate = useNavigate();
  const notify = useNotify();
  const frozen = volume !== undefined && roles.length > 0 && !canEditIssue(volume.status, roles);
  useEffect(() => {
    if (!frozen || !volume) return;
    notify('app.annual_volumes.edit_frozen', { type: 'info' });
    navigate(annualVolumePath(volume.id), { replace: true });
  }, [frozen, volume, navigate, notify]);
  return null;
};

export default VolumeEdit;
