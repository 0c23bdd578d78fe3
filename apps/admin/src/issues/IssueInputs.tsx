import Clear from '@mui/icons-material/Clear';
import { Box, IconButton, InputAdornment, Tooltip } from '@mui/material';
import { maxLength, maxValue, minValue, NumberInput, required, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { MAX_LENGTH } from '@dsyb/contracts';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { FollowYearMonth } from './FollowYearMonth';

const validateSerialNumber = [required(), minValue(1), maxValue(100000)];
const validateYear = [required(), minValue(1949), maxValue(2200)];
const validateMonth = [required(), minValue(1), maxValue(12)];
const validatePublicationDate = required();
const validateCoverage = required();
// The title and the compiler may be equally long (MAX_LENGTH.issue).
const validateMastheadText = maxLength(MAX_LENGTH.issue.title);
const validateMastheadTextRequired = [required(), maxLength(MAX_LENGTH.issue.title)];

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', width: '100%' } as const;

/**
 * The cover data of an issue, shared by create and edit. On a new issue the title and compiler
 * come from the masthead settings when left empty: the server fills them in. The publication
 * date and the period covered follow the year and month (the issue of month M reports month M-1,
 * published mid-month) until the editor sets them by hand (FollowYearMonth).
 */
export const IssueInputs = ({ isNew = false }: { isNew?: boolean }) => (
  <Box sx={{ width: '100%' }}>
    <FollowYearMonth />
    <Box sx={grid}>
      <NumberInput source="serialNumber" validate={validateSerialNumber} step={1} helperText="app.issues.serial_number_help" />
      <NumberInput source="year" validate={validateYear} step={1} helperText={false} />
      <NumberInput source="month" validate={validateMonth} step={1} min={1} max={12} helperText={false} />
      <CalendarDateInput source="publicationDate" validate={validatePublicationDate} helperText="app.dates.follows_month_help" />
    </Box>
    <Box sx={grid}>
      <CalendarDateInput source="coverageStart" validate={validateCoverage} helperText="app.dates.follows_month_help" />
      <CalendarDateInput source="coverageEnd" validate={validateCoverage} helperText="app.dates.follows_month_help" />
      <CalendarDateInput
        source="deadline"
        helperText="app.issues.deadline_help"
        endAdornment={<ClearDateButton source="deadline" label="app.issues.clear_deadline" />}
      />
    </Box>
    <Box sx={grid}>
      <TextInput
        source="title"
        validate={isNew ? validateMastheadText : validateMastheadTextRequired}
        helperText={isNew ? 'app.issues.masthead_default_help' : false}
      />
      <TextInput
        source="compiler"
        validate={isNew ? validateMastheadText : validateMastheadTextRequired}
        helperText={isNew ? 'app.issues.masthead_default_help' : false}
      />
    </Box>
  </Box>
);

/**
 * Empties an optional date in one click (a browser's date field has no clear button of its own):
 * the form then sends null, which the server stores as "no date".
 */
const ClearDateButton = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const value = useWatch<Record<string, unknown>>({ name: source });
  const { setValue } = useFormContext();
  if (value === null || value === undefined || value === '') return null;
  return (
    <InputAdornment position="end">
      <Tooltip title={translate(label)}>
        <IconButton size="small" edge="end" aria-label={translate(label)} onClick={() => setValue(source, null, { shouldDirty: true })}>
          <Clear fontSize="small" />
        </IconButton>
      </Tooltip>
    </InputAdornment>
  );
};
