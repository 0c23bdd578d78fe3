import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  email,
  Form,
  maxLength,
  regex,
  required,
  ResourceContextProvider,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { MAX_LENGTH, PAGE_NUMBERINGS, PAPER_SIZES, type Masthead, type MastheadChanges } from '@dsyb/contracts';
import { errorMessage } from '../review/useTransitions';
import { SettingsPage, SettingsToolbar } from './SettingsPage';

const FIELDS = ['publicationTitle', 'notice', 'sponsor', 'publisher', 'phone', 'email', 'paper', 'pageNumbering'] as const;
const paperChoices = PAPER_SIZES.map(paper => ({ id: paper, name: `app.masthead.paper.${paper}` }));
const numberingChoices = PAGE_NUMBERINGS.map(scheme => ({ id: scheme, name: `app.masthead.page_numbering.${scheme}` }));

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
 * phone, e-mail), the paper it is typeset on and how its pages are numbered. Administrators only.
 */
const MastheadSettings = () => {
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
    <SettingsPage title="app.masthead.title" help="app.masthead.help" checking={checking} canAccess={canAccess} loading={isPending} error={error}>
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
            <SelectInput source="pageNumbering" choices={numberingChoices} validate={required()} fullWidth helperText="app.masthead.page_numbering_help" />
            <SettingsToolbar saving={save.isPending} />
          </Form>
        </ResourceContextProvider>
      ) : null}
    </SettingsPage>
  );
};

export default MastheadSettings;
