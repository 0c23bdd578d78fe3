import Gavel from '@mui/icons-material/Gavel';
import KeyboardReturn from '@mui/icons-material/KeyboardReturn';
import Publish from '@mui/icons-material/Publish';
import Send from '@mui/icons-material/Send';
import type { ReactElement } from 'react';
import type { IssueTransition } from '@dsyb/contracts';

/** The workflow transitions' icons and colours, for issues and annual volumes alike. */
export const TRANSITION_ICONS: Record<IssueTransition, ReactElement> = {
  submit_review: <Send />,
  sign_off: <Gavel />,
  return: <KeyboardReturn />,
  publish: <Publish />,
};

export const TRANSITION_COLORS = { submit_review: 'primary', sign_off: 'success', return: 'warning', publish: 'success' } as const;
