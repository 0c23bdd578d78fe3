import { BooleanField, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import type { UserAccount } from '@dsyb/contracts';
import { RolesField } from './RolesField';
import { roleChoices } from './roles';

const userFilters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={roleChoices} />];

const UserList = () => (
  <List sort={{ field: 'username', order: 'ASC' }} filters={userFilters} exporter={false}>
    <DataTable<UserAccount> bulkActionButtons={false} rowSx={record => (record.active ? {} : { opacity: 0.6 })}>
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" field={RolesField} disableSort />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col source="updatedAt" field={TimestampField} sx={{ whiteSpace: 'nowrap' }} />
    </DataTable>
  </List>
);

export default UserList;
