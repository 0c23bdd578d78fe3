import Send from '@mui/icons-material/Send';
import { Alert, Box, Card, CardContent, Checkbox, FormControlLabel, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Authenticated, Button, Form, maxLength, minLength, required, ResourceContextProvider, TextInput, Title, useDataProvider, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useController, useFormState, useWatch, type FieldValues } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { bookTitle, MAX_LENGTH, type CorrectionWording, type IssueDetail, type StartCorrectionBody } from '@dsyb/contracts';
import { EntryBodyInput } from '../entries/body/EntryBodyInput';
import type { AppDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../review/useTransitions';
import { issuePath } from '../routes/paths';
import { PublishedNotice } from './PublishedNotice';

/** The form: the reason, and per entry whether it is corrected and its corrected title and body. */
interface CorrectionForm {
  reason: string;
  wording: Record<string, { selected: boolean; title: string; bodyHtml: string }>;
}

const validateReason = [required(), minLength(4), maxLength(MAX_LENGTH.correction.reason)];
const validateTitle = [required(), maxLength(MAX_LENGTH.entry.title)];

/**
 * 发起勘误: an editor gives the reason and corrects the title and body of the entries concerned
 * (ticked; started from an entry's page, that entry is ticked already), as printed now. Nothing is
 * published until a reviewer signs the correction off on the issue's page.
 */
const CorrectionCreate = () => {
  const { issueId = '' } = useParams();
  const [search] = useSearchParams();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: issue } = useGetOne<IssueDetail>('issues', { id: issueId });
  const { data: wording, error } = useQuery({ queryKey: ['issues', 'corrections', issueId, 'wording'], queryFn: () => dataProvider.correctionWording(issueId) });
  const start = useMutation({
    mutationFn: (body: StartCorrectionBody) => dataProvider.startCorrection(issueId, body),
    onSuccess: () => {
      notify('app.corrections.started', { type: 'success' });
      navigate(issuePath(issueId));
    },
    onError: failure => notify(errorMessage(failure), { type: 'error', multiLine: true, autoHideDuration: 10_000 }),
  });
  const ticked = search.get('entry');
  const defaults = useMemo<CorrectionForm | undefined>(
    () =>
      wording && {
        reason: '',
        wording: Object.fromEntries(wording.map(entry => [entry.entryId, { selected: entry.entryId === ticked, title: entry.title, bodyHtml: entry.bodyHtml }])),
      },
    [wording, ticked],
  );
  const submit = (values: CorrectionForm) => {
    if (!issue) return;
    const entries = Object.entries(values.wording)
      .filter(([, entry]) => entry.selected)
      .map(([entryId, entry]) => ({ entryId, title: entry.title, bodyHtml: entry.bodyHtml }));
    if (entries.length === 0) {
      notify('app.corrections.no_entries', { type: 'warning' });
      return;
    }
    start.mutate({ version: issue.version, reason: values.reason, entries });
  };

  return (
    <Authenticated>
      <Title title={issue ? translate('app.corrections.new_title', { serialNumber: issue.serialNumber }) : 'app.corrections.start'} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.corrections.new_help')}
          </Typography>
          {issue && issue.status !== 'published' ? <PublishedNotice issueId={issueId} issueState={issue.status} /> : null}
          {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
          {!defaults || !issue ? (
            error ? null : <LinearProgress />
          ) : (
            <ResourceContextProvider value="corrections">
              <Form record={defaults} onSubmit={(values: FieldValues) => submit(values as CorrectionForm)} warnWhenUnsavedChanges>
                <TextInput source="reason" label="app.corrections.reason" validate={validateReason} multiline minRows={2} fullWidth helperText="app.corrections.reason_help" />
                <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 700 }}>
                  {translate('app.corrections.entries')}
                </Typography>
                <Stack spacing={1.5}>
                  {wording?.map(entry => <CorrectedEntryInputs key={entry.entryId} entry={entry} />)}
                </Stack>
                <SubmitButton saving={start.isPending} />
              </Form>
            </ResourceContextProvider>
          )}
        </CardContent>
      </Card>
    </Authenticated>
  );
};

/** One entry: ticked, its title and body open for correction, as printed now. */
const CorrectedEntryInputs = ({ entry }: { entry: CorrectionWording }) => {
  const translate = useTranslate();
  const { field } = useController({ name: `wording.${entry.entryId}.selected` });
  const selected = useWatch({ name: `wording.${entry.entryId}.selected` }) === true;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="correction-entry">
      <FormControlLabel
        control={<Checkbox checked={selected} onChange={event => field.onChange(event.target.checked)} />}
        label={
          <span>
            {bookTitle(entry.title)}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {entry.sectionName}
            </Typography>
          </span>
        }
      />
      {selected ? (
        <Box sx={{ mt: 1 }}>
          <TextInput source={`wording.${entry.entryId}.title`} label={translate('app.corrections.corrected_title')} validate={validateTitle} fullWidth />
          <EntryBodyInput source={`wording.${entry.entryId}.bodyHtml`} />
        </Box>
      ) : null}
    </Paper>
  );
};

const SubmitButton = ({ saving }: { saving: boolean }) => {
  const { isSubmitting } = useFormState();
  return (
    <Box sx={{ mt: 2 }}>
      <Button type="submit" variant="contained" label="app.corrections.submit" disabled={saving || isSubmitting} data-testid="correction-submit">
        <Send />
      </Button>
    </Box>
  );
};

export default CorrectionCreate;
