import RecipientIcon from '@mui/icons-material/MarkunreadMailbox';
import { lazy } from 'react';
import type { Recipient } from '@dsyb/contracts';

const RecipientList = lazy(() => import('./RecipientList'));
const RecipientCreate = lazy(() => import('./RecipientCreate'));
const RecipientEdit = lazy(() => import('./RecipientEdit'));

export default {
  list: RecipientList,
  create: RecipientCreate,
  edit: RecipientEdit,
  icon: RecipientIcon,
  recordRepresentation: (record: Recipient) => record.name,
};
