import UserIcon from '@mui/icons-material/ManageAccounts';
import { lazy } from 'react';
import type { UserAccount } from '@dsyb/contracts';

const UserList = lazy(() => import('./UserList'));
const UserCreate = lazy(() => import('./UserCreate'));
const UserEdit = lazy(() => import('./UserEdit'));

export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: (record: UserAccount) => `${record.displayName}（${record.username}）`,
};
