import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Authenticated,
  email,
  Form,
  maxLength,
  regex,
  required,
  ResourceContextProvider,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  Toolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { narrowFormSx } from '../fields/formLayout';
import { MAX_LENGTH, PAPER_SIZES, type Masthead, type MastheadChanges } from '@dsyb/contracts';
import { errorMessage } from '../review/useTransitions';

const FIELDS = ['publicationTitle', 'notice', 'sponsor', 'publisher', 'phone', 'email', 'paper'] as const;
const paperChoices = PAPER_SIZES.map(paper => ({ id: paper, name: `app.masthead.paper.${paper}` }));

const validateShort = [required(), maxLength(MAX_LENGTH.masthead.publicationTitle)];
const validateLong = [required(), maxLength(MAX_LENGTH.masthead.publisher)];
const validatePhone = [required(), regex(/^[0-9０-９()（）\-－ ]{5,30}$/, 'app.masthead.phone_invalid')];
const validateEmail = [required(), email(), maxLength(MAX_LENGTH.masthead.email)];

/** Only what changed is sent; the server keeps the rest. */
function changes(values: Partial<Masthead>, saved: Masthead): MastheadChanges {
  const changed: MastheadChanges = {};
  for (const field of FIELDS) if (values[field] !== undefined && values[field] !== saved[field]) Object.assign(changed, { [field]: values[field] });
  return changed;
}

/**
 * 刊头设置: what every new issue prints about the office (title, notice, sponsor, publisher,
 * phone, e-mail) and the paper it is typeset on. Administrators only.
 */
const MastheadSettings = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'settings', action: 'edit' });
  const { data, isPending, error } = useQuery({ queryKey: ['settings', 'masthead'], queryFn: () => dataProvider.masthead(), enabled: canAccess === true });
  const save = useMutation({
    mutationFn: (values: MastheadChanges) => dataProvider.updateMasthead(values),
    onSuccess: masthead => {
      queryClient.setQueryData(['settings', 'masthead'], masthead);
      notify('app.masthead.saved', { type: 'success' });
    },
    onError: failure => notify(errorMessage(failure), { type: 'error', multiLine: true }),
  });
  const submit = (values: Partial<Masthead>, saved: Masthead) => {
    const changed = changes(values, saved);
    if (Object.keys(changed).length > 0) save.mutate(changed);
  };

  return (
    <Authenticated>
      <Title title="app.masthead.title" />
      <Card sx={{ mt: 2, ...narrowFormSx }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.masthead.help')}
          </Typography>
          {checking || (canAccess && isPending) ? <LinearProgress /> : null}
          {!checking && !canAccess ? <Alert severity="warning">{translate('ra.message.access_denied')}</Alert> : null}
          {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
          {data ? (
            <ResourceContextProvider value="settings">
              <Form record={data} onSubmit={(values: Partial<Masthead>) => submit(values, data)} warnWhenUnsavedChanges>
                <TextInput source="publicationTitle" validate={validateShort} fullWidth helperText="app.masthead.publication_title_help" />
                <TextInput source="notice" validate={validateShort} fullWidth />
                <TextInput source="sponsor" validate={validateLong} fullWidth />
                <TextInput source="publisher" validate={validateLong} fullWidth />
                <TextInput source="phone" validate={validatePhone} fullWidth />
                <TextInput source="email" validate={validateEmail} fullWidth />
                <SelectInput source="paper" choices={paperChoices} validate={required()} fullWidth helperText="app.masthead.paper_help" />
                <Toolbar sx={{ px: 0, bgcolor: 'transparent' }}>
                  <SaveButton disabled={save.isPending} />
                </Toolbar>
              </Form>
            </ResourceContextProvider>
          ) : null}
        </CardContent>
      </Card>
    </Authenticated>
  );
};

export default MastheadSettings;
