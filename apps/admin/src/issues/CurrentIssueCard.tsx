import { Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../formatDate';
import type { Issue } from '@dsyb/contracts';
import { useCurrentIssue } from './currentIssue';
import { IssueStatusField, issueRepresentation } from './issueFields';

/** The issue being worked on, above the list of all issues: the one an editor opens most days. */
export const CurrentIssueCard = () => {
  const issue = useCurrentIssue();
  if (!issue) return null;
  return <CurrentIssue issue={issue} />;
};

const CurrentIssue = ({ issue }: { issue: Issue }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const facts: [label: string, value: string][] = [
    [
      'resources.issues.fields.coverage',
      translate('app.issues.coverage_range', {
        start: formatDate(issue.coverageStart, locale),
        end: formatDate(issue.coverageEnd, locale),
      }),
    ],
    ['resources.issues.fields.publicationDate', formatDate(issue.publicationDate, locale)],
    ...(issue.deadline ? [['resources.issues.fields.deadline', formatDate(issue.deadline, locale)] as [string, string]] : []),
    ['resources.issues.fields.entryCount', String(issue.entryCount)],
  ];
  return (
    <RecordContextProvider value={issue}>
      <Card variant="outlined" sx={{ mt: 2, borderColor: 'primary.main' }} data-testid="current-issue">
        <CardActionArea component={Link} to={createPath({ resource: 'issues', type: 'show', id: issue.id })}>
          <CardContent>
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" color="primary" label={translate('app.issues.current')} />
              <Typography variant="h6" component="h2">
                {issueRepresentation(issue)}
              </Typography>
              <IssueStatusField />
            </Stack>
            <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', color: 'text.secondary' }}>
              {facts.map(([label, value]) => (
                <Typography key={label} variant="body2">
                  {translate('app.labelled', { label: translate(label), value })}
                </Typography>
              ))}
            </Stack>
          </CardContent>
        </CardActionArea>
      </Card>
    </RecordContextProvider>
  );
};
