import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { IssueDetail } from '@dsyb/contracts';
import { ReadOnlyWhenPublished } from '../corrections/ReadOnlyWhenPublished';
import { issuePath } from '../routes/paths';
import { IssueInputs } from './IssueInputs';

/**
 * Saved pessimistically, so that a stale version (409) is reported while the changes are still in
 * the form. A published issue opens its read-only page instead.
 */
const IssueEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm
      warnWhenUnsavedChanges
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <PublishedGuard />
      <IssueInputs />
    </SimpleForm>
  </Edit>
);

const PublishedGuard = () => {
  const issue = useRecordContext<IssueDetail>();
  return issue ? <ReadOnlyWhenPublished issueState={issue.status} showPath={issuePath(issue.id)} /> : null;
};

export default IssueEdit;
