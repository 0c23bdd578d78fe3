import UploadFile from '@mui/icons-material/UploadFile';
import { Button, CreateButton, DataTable, Link, List, SearchInput, TopToolbar, useCanAccess } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import type { Source } from '@dsyb/contracts';
import { BylineField, SourceOriginField } from './sourceFields';
import { BulkDraftEntriesButton } from './DraftEntryButton';

const sourceFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** 新建 and 导入版面 (a whole newspaper page read into articles), for those who may add sources. */
const SourceListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'sources', action: 'create' });
  if (!canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      <CreateButton />
      <Button component={Link} to="/source-imports" label="app.source_import.button" data-testid="source-import-button">
        <UploadFile />
      </Button>
    </TopToolbar>
  );
};

/** Source articles, the latest imported first; search looks in headline, newspaper and text; selected ones can be drafted into entries (据此起草条目). Shown with its toolbar even when empty, so 导入版面 is there from the start. */
const SourceList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={sourceFilters} exporter={false} actions={<SourceListActions />} empty={false}>
    <DataTable<Source> bulkActionButtons={<BulkDraftEntriesButton />} rowClick="show">
      <DataTable.Col source="headline" />
      <DataTable.Col source="newspaper" field={SourceOriginField} />
      <DataTable.Col source="contributors" field={BylineField} disableSort />
      <DataTable.Col source="createdAt" field={TimestampField} sx={{ whiteSpace: 'nowrap' }} />
    </DataTable>
  </List>
);

export default SourceList;
