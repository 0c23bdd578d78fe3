import IssueIcon from '@mui/icons-material/MenuBook';
import { lazy } from 'react';
import { issueRepresentation } from './issueFields';

const IssueList = lazy(() => import('./IssueList'));
const IssueShow = lazy(() => import('./IssueShow'));
const IssueCreate = lazy(() => import('./IssueCreate'));
const IssueEdit = lazy(() => import('./IssueEdit'));

export default {
  list: IssueList,
  show: IssueShow,
  create: IssueCreate,
  edit: IssueEdit,
  icon: IssueIcon,
  recordRepresentation: issueRepresentation,
};
