import { Alert } from '@mui/material';
import { Create, maxLength, maxValue, minValue, NumberInput, required, SimpleForm, TextInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { CompiledAnnualVolume } from '@dsyb/contracts';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';

const validateYear = [required(), minValue(1949), maxValue(2200)];
const validateText = maxLength(200);

/** The volume usually compiled: last year's, early in the new one. */
const defaultValues = () => ({ year: new Date().getFullYear() - 1 });

/**
 * 编纂: the year (and, if the masthead's defaults will not do, the title, the compiler and the
 * date). The server compiles the year's published issues at once; the volume's page then opens
 * and says how many events came in (the report travels with the navigation).
 */
const VolumeCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (volume: CompiledAnnualVolume) => {
    notify('app.annual_volumes.compiled', { type: 'success', messageArgs: { smart_count: volume.compilation.added } });
    redirect('show', 'annual-volumes', volume.id, volume, { compilation: volume.compilation });
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={defaultValues} toolbar={<CreateToolbar />} sx={narrowFormSx}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.annual_volumes.create_help')}
        </Alert>
        <NumberInput source="year" validate={validateYear} step={1} helperText="app.annual_volumes.year_help" />
        <TextInput source="title" validate={validateText} helperText="app.annual_volumes.title_help" fullWidth />
        <TextInput source="compiler" validate={validateText} helperText="app.annual_volumes.compiler_help" fullWidth />
        <CalendarDateInput source="publicationDate" helperText="app.annual_volumes.publication_date_help" />
      </SimpleForm>
    </Create>
  );
};

export default VolumeCreate;
