import AuditIcon from '@mui/icons-material/Policy';
import { lazy } from 'react';

const AuditEventList = lazy(() => import('./AuditEventList'));

export default {
  list: AuditEventList,
  icon: AuditIcon,
};
