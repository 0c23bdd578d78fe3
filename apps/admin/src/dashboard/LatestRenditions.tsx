import Download from '@mui/icons-material/Download';
import { Button, Card, CardContent, CardHeader, LinearProgress, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useDataProvider, useGetList, useGetMany, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatDateTime } from '../formatDate';
import { downloadRendition } from '../renditions/downloadRendition';
import type { Issue, Rendition } from '@dsyb/contracts';
import { issuePath } from '../routes/paths';

/** The latest typesettings of any issue: each opens its issue's typesetting tab; a finished one downloads. */
export const LatestRenditions = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: renditions, isPending } = useGetList<Rendition>('renditions', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 5 },
  });
  const { data: issues } = useGetMany<Issue>('issues', { ids: [...new Set((renditions ?? []).map(rendition => rendition.issueId))] }, { enabled: Boolean(renditions?.length) });
  const issueOf = (id: string) => issues?.find(issue => issue.id === id);
  const label = (rendition: Rendition) => {
    const issue = issueOf(rendition.issueId);
    const serial = issue ? translate('app.issues.serial_number', { serialNumber: issue.serialNumber }) : '';
    return `${serial} ${translate(`app.renditions.kind.${rendition.kind}`)}`.trim();
  };
  const download = (rendition: Rendition) =>
    downloadRendition(dataProvider, rendition.id, `${label(rendition)}.pdf`).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    );

  return (
    <Card variant="outlined" data-testid="dashboard-renditions">
      <CardHeader title={translate('app.dashboard.latest_renditions')} slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 700 } } }} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? <LinearProgress /> : null}
        {renditions && renditions.length === 0 ? <Typography color="text.secondary">{translate('app.renditions.none')}</Typography> : null}
        <List dense disablePadding>
          {renditions?.map(rendition => (
            <ListItem
              key={rendition.id}
              disablePadding
              secondaryAction={
                rendition.status === 'done' ? (
                  <Button size="small" startIcon={<Download />} onClick={() => void download(rendition)} data-testid="dashboard-rendition-download">
                    {translate('app.renditions.download')}
                  </Button>
                ) : undefined
              }
              sx={{ pr: 12 }}
            >
              <ListItemButton component={Link} to={issuePath(rendition.issueId, 'renditions')}>
                <ListItemText
                  primary={label(rendition)}
                  secondary={`${translate(`resources.renditions.status.${rendition.status}`)} · ${formatDateTime(rendition.createdAt, locale)}${
                    rendition.pages ? ` · ${translate('app.dashboard.pages', { smart_count: rendition.pages })}` : ''
                  }`}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
