import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import type { Contributor } from '@dsyb/contracts';
import { contributorRoleChoices } from './contributorRoles';

const contributorFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={contributorRoleChoices} alwaysOn />,
];

const ContributorList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} filters={contributorFilters} exporter={false}>
    <DataTable<Contributor> bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={contributorRoleChoices} />
      </DataTable.Col>
      <DataTable.Col source="organisation" />
    </DataTable>
  </List>
);

export default ContributorList;
