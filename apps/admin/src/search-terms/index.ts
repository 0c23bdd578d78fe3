import DictionaryIcon from '@mui/icons-material/MenuBook';
import { lazy } from 'react';
import type { SearchTerm } from './searchTerms';

const SearchTermList = lazy(() => import('./SearchTermList'));
const SearchTermCreate = lazy(() => import('./SearchTermCreate'));
const SearchTermEdit = lazy(() => import('./SearchTermEdit'));

export default {
  list: SearchTermList,
  create: SearchTermCreate,
  edit: SearchTermEdit,
  icon: DictionaryIcon,
  recordRepresentation: (record: SearchTerm) => record.word,
};
