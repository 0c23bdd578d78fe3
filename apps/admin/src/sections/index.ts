import SectionIcon from '@mui/icons-material/ViewAgenda';
import { lazy } from 'react';
import type { Section } from '../types';

const SectionList = lazy(() => import('./SectionList'));

export default {
  list: SectionList,
  icon: SectionIcon,
  recordRepresentation: (record: Section) => record.name,
};
