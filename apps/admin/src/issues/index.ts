import IssueIcon from '@mui/icons-material/MenuBook';
import { lazy } from 'react';
import { issueRepresentation } from './issueFields';

const IssueList = lazy(() => import('./IssueList'));
const IssueShow = lazy(() => import('./IssueShow'));

export default {
  list: IssueList,
  show: IssueShow,
  icon: IssueIcon,
  recordRepresentation: issueRepresentation,
};
