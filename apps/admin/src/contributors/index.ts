import ContributorIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';
import type { Contributor } from '@dsyb/contracts';

const ContributorList = lazy(() => import('./ContributorList'));
const ContributorCreate = lazy(() => import('./ContributorCreate'));
const ContributorEdit = lazy(() => import('./ContributorEdit'));

export default {
  list: ContributorList,
  create: ContributorCreate,
  edit: ContributorEdit,
  icon: ContributorIcon,
  recordRepresentation: (record: Contributor) => (record.organisation ? `${record.name}（${record.organisation}）` : record.name),
};
