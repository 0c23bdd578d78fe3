import { Card, CardContent, CardHeader, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useTranslate } from 'react-admin';
import type { AwaitingReceipts as Awaiting } from '@dsyb/contracts';
import { distribution } from '../providers/distribution';
import { issuePath } from '../routes/paths';

/**
 * 待签收: the issues whose units have not all signed for the current revision, with 已签收/总数,
 * the overdue units (red) and the e-mails that failed; each opens the issue's 发放情况. Hidden
 * when every unit has signed. Its own small file, fetched after the dashboard is drawn.
 */
const AwaitingReceipts = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['deliveries', 'awaiting'], queryFn: () => distribution.awaiting() });
  if (!data || data.length === 0) return null;
  return (
    <Card variant="outlined" data-testid="dashboard-awaiting">
      <CardHeader title={translate('app.dashboard.awaiting')} slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 700 } } }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {data.map((issue: Awaiting) => (
            <ListItem key={`${issue.issueId}-${issue.issueRevision}`} disablePadding>
              <ListItemButton component={Link} to={issuePath(issue.issueId, 'distribution')}>
                <ListItemText
                  primary={`${translate('app.issues.serial_number', { serialNumber: issue.serialNumber })} ${issue.title}`}
                  secondary={
                    <>
                      {translate('app.dashboard.awaiting_counts', { confirmed: issue.confirmed, total: issue.total })}
                      {issue.overdue > 0 ? (
                        <Typography component="span" variant="body2" color="error" sx={{ ml: 1, fontWeight: 600 }}>
                          {translate('app.dashboard.awaiting_overdue', { smart_count: issue.overdue })}
                        </Typography>
                      ) : null}
                      {issue.mailFailed > 0 ? (
                        <Typography component="span" variant="body2" color="warning.main" sx={{ ml: 1 }}>
                          {translate('app.dashboard.awaiting_failed', { smart_count: issue.mailFailed })}
                        </Typography>
                      ) : null}
                    </>
                  }
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

export default AwaitingReceipts;
