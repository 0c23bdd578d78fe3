import EntryIcon from '@mui/icons-material/Article';
import { lazy } from 'react';
import type { Entry } from '@dsyb/contracts';

const EntryList = lazy(() => import('./EntryList'));
const EntryShow = lazy(() => import('./EntryShow'));
const EntryCreate = lazy(() => import('./EntryCreate'));
const EntryEdit = lazy(() => import('./EntryEdit'));

export default {
  list: EntryList,
  show: EntryShow,
  create: EntryCreate,
  edit: EntryEdit,
  icon: EntryIcon,
  recordRepresentation: (record: Entry) => record.title,
};
