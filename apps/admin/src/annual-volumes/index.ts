import VolumeIcon from '@mui/icons-material/AutoStories';
import { lazy } from 'react';
import { volumeRepresentation } from './volumeFields';

const VolumeList = lazy(() => import('./VolumeList'));
const VolumeShow = lazy(() => import('./VolumeShow'));
const VolumeCreate = lazy(() => import('./VolumeCreate'));
const VolumeEdit = lazy(() => import('./VolumeEdit'));

/** 年度大事记: compiled once a year from the published issues, then edited, reviewed and published. */
export default {
  list: VolumeList,
  show: VolumeShow,
  create: VolumeCreate,
  edit: VolumeEdit,
  icon: VolumeIcon,
  recordRepresentation: volumeRepresentation,
};
