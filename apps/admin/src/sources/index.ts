import SourceIcon from '@mui/icons-material/Newspaper';
import { lazy } from 'react';
import { sourceRepresentation } from './sourceFields';

const SourceList = lazy(() => import('./SourceList'));
const SourceShow = lazy(() => import('./SourceShow'));
const SourceCreate = lazy(() => import('./SourceCreate'));
const SourceEdit = lazy(() => import('./SourceEdit'));

export default {
  list: SourceList,
  show: SourceShow,
  create: SourceCreate,
  edit: SourceEdit,
  icon: SourceIcon,
  recordRepresentation: sourceRepresentation,
};
