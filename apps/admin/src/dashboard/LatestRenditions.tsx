import Download from '@mui/icons-material/Download';
import { Button, Card, CardContent, CardHeader, LinearProgress, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useDataProvider, useGetList, useGetMany, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatDateTime } from '../formatDate';
import { downloadRendition } from '../renditions/downloadRendition';
import type { AnnualVolume, Issue, Rendition } from '@dsyb/contracts';
import { annualVolumePath, issuePath } from '../routes/paths';

/** The latest typesettings of any issue or annual volume: each opens its typesetting tab; a finished one downloads. */
export const LatestRenditions = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: renditions, isPending } = useGetList<Rendition>('renditions', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 5 },
  });
  const issueIds = [...new Set((renditions ?? []).flatMap(rendition => (rendition.issueId ? [rendition.issueId] : [])))];
  const volumeIds = [...new Set((renditions ?? []).flatMap(rendition => (rendition.volumeId ? [rendition.volumeId] : [])))];
  const { data: issues } = useGetMany<Issue>('issues', { ids: issueIds }, { enabled: issueIds.length > 0 });
  const { data: volumes } = useGetMany<AnnualVolume>('annual-volumes', { ids: volumeIds }, { enabled: volumeIds.length > 0 });
  const documentLabel = (rendition: Rendition) => {
    if (rendition.volumeId) {
      const volume = volumes?.find(candidate => candidate.id === rendition.volumeId);
      return volume ? translate('app.annual_volumes.label', { year: volume.year }) : '';
    }
    const issue = issues?.find(candidate => candidate.id === rendition.issueId);
    return issue ? translate('app.issues.serial_number', { serialNumber: issue.serialNumber }) : '';
  };
  const label = (rendition: Rendition) => `${documentLabel(rendition)} ${translate(`app.renditions.kind.${rendition.kind}`)}`.trim();
  const pathOf = (rendition: Rendition) =>
    rendition.volumeId ? annualVolumePath(rendition.volumeId, 'renditions') : issuePath(rendition.issueId ?? '', 'renditions');
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
              <ListItemButton component={Link} to={pathOf(rendition)}>
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
