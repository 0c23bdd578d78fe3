import { LinearProgress } from '@mui/material';
import { Create, SimpleForm } from 'react-admin';
import { CreateToolbar } from '../fields/formToolbars';
import { IssueInputs } from './IssueInputs';
import { useNextIssueDefaults } from './nextIssue';

/** A new issue is proposed as the one after the latest: next serial number and month. */
const IssueCreate = () => {
  const defaults = useNextIssueDefaults();
  return (
    <Create redirect="show">
      {defaults ? (
        <SimpleForm defaultValues={defaults} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
          <IssueInputs isNew />
        </SimpleForm>
      ) : (
        <LinearProgress sx={{ m: 2 }} />
      )}
    </Create>
  );
};

export default IssueCreate;
