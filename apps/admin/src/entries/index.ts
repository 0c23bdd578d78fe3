import EntryIcon from '@mui/icons-material/Article';
import { lazy } from 'react';
import type { Entry } from '../types';

const EntryList = lazy(() => import('./EntryList'));
const EntryShow = lazy(() => import('./EntryShow'));

export default {
  list: EntryList,
  show: EntryShow,
  icon: EntryIcon,
  recordRepresentation: (record: Entry) => record.title,
};
