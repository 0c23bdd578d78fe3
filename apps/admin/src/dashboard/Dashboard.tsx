import { Box, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { CurrentIssuePanels } from './CurrentIssuePanel';
import { LatestRenditions } from './LatestRenditions';
import { MyTasks } from './MyTasks';
import { OpenIssues } from './OpenIssues';
import { useDashboardRefresh } from './useDashboardRefresh';

/** 待签收 is shown only while units have not signed: its code is not part of the landing screen's file. */
const AwaitingReceipts = lazy(() => import('./AwaitingReceipts'));

/**
 * 首页: the issues the user's role works on (an editor's issue being compiled, a reviewer's to
 * review or release) and what to do next with each, the user's own tasks, the issues still open,
 * the published issues still awaiting units' receipts, and the latest PDFs. Every item opens the page where its work is done. It stays current by
 * itself (on focus, and every minute while visible).
 */
const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  useDashboardRefresh();
  return (
    <Box sx={{ py: 2 }} data-testid="dashboard">
      <Title title="ra.page.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {identity?.fullName ? translate('app.dashboard.greeting', { name: identity.fullName }) : translate('ra.page.dashboard')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, alignItems: 'start', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(0, 1fr)' } }}>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <CurrentIssuePanels />
          <OpenIssues />
        </Box>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <MyTasks />
          <Suspense fallback={null}>
            <AwaitingReceipts />
          </Suspense>
          <LatestRenditions />
        </Box>
      </Box>
    </Box>
  );
};

export default Dashboard;
