import EditNote from '@mui/icons-material/EditNote';
import { Button, Link } from 'react-admin';
import { decideCorrectionStart } from '@dsyb/workflow';
import type { IssueStatus } from '@dsyb/contracts';
import { newCorrectionPath } from '../routes/paths';
import { useRoles } from '../review/useRoles';

/** Whether these roles may start a correction of an issue in this state (whether one already waits is the server's to say). */
export function useCanStartCorrection(issueState: IssueStatus | null | undefined): boolean {
  const roles = useRoles();
  return issueState != null && decideCorrectionStart(issueState, roles).ok;
}

/** 发起勘误: the way forward from a published issue or entry, for those who may take it. */
export const StartCorrectionButton = ({ issueId, entryId, issueState, variant = 'contained' }: { issueId: string; entryId?: string; issueState: IssueStatus | null | undefined; variant?: 'contained' | 'text' }) => {
  if (!useCanStartCorrection(issueState)) return null;
  return (
    <Button component={Link} to={newCorrectionPath(issueId, entryId)} label="app.corrections.start" variant={variant} data-testid="start-correction">
      <EditNote />
    </Button>
  );
};
