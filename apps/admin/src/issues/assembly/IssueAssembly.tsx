import { Alert, Box, Divider, LinearProgress, Typography } from '@mui/material';
import { decide } from '@dsyb/workflow';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { IssueDetail, Section } from '@dsyb/contracts';
import { useRoles } from '../../review/useRoles';
import { ArrangementEditor } from './ArrangementEditor';
import { DistributionEditor } from './DistributionEditor';

/**
 * 编排: the issue's entries placed in the active sections and ordered, entries added from those
 * in no issue or taken out, and the distribution list. Editors and admins edit while the issue
 * is being edited; once it is signed off or published, and for reviewers, it is a read-only view
 * saying why. Loaded on demand, with drag and drop.
 */
const IssueAssembly = (_props: { label?: false }) => {
  const issue = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  const roles = useRoles();
  const { data: sections } = useGetList<Section>('sections', {
    filter: { active: true },
    sort: { field: 'position', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  // A record taken from the list has no contents yet; the full one follows.
  if (!issue?.sections || !sections) return <LinearProgress sx={{ my: 2 }} />;
  const label = translate('app.issues.serial_number', { serialNumber: issue.serialNumber });
  const decision = decide('issue', 'edit', issue.status, roles, { label });
  const editable = decision.ok;
  // Why it is read-only: the issue's state (signed off, published) says more than the role.
  const stateDecision = decide('issue', 'edit', issue.status, ['editor'], { label });
  const reason = !stateDecision.ok ? stateDecision.message : !decision.ok ? decision.message : undefined;

  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="issue-assembly" data-editable={editable}>
      {!editable && reason && roles.length > 0 ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="assembly-read-only">
          {reason}
        </Alert>
      ) : null}
      <ArrangementEditor key={`arrangement-${issue.id}`} issue={issue} sections={sections} editable={editable} />
      <Divider sx={{ my: 3 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.issues.distribution')}
      </Typography>
      <DistributionEditor key={`distribution-${issue.id}`} issue={issue} editable={editable} />
    </Box>
  );
};

export default IssueAssembly;
