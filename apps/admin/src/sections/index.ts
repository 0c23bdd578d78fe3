import SectionIcon from '@mui/icons-material/ViewAgenda';
import { lazy } from 'react';
import type { Section } from '@dsyb/contracts';

const SectionList = lazy(() => import('./SectionList'));
const SectionCreate = lazy(() => import('./SectionCreate'));
const SectionEdit = lazy(() => import('./SectionEdit'));

export default {
  list: SectionList,
  create: SectionCreate,
  edit: SectionEdit,
  icon: SectionIcon,
  recordRepresentation: (record: Section) => record.name,
};
