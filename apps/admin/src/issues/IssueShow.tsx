import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CalendarDateField } from '../fields/CalendarDateField';
import { TimestampField } from '../fields/TimestampField';
import type { IssueDetail } from '../types';
import { IssueContents } from './IssueContents';
import { CoverageField, IssueStatusField, SerialNumberField, YearMonthField } from './issueFields';

const IssueShow = () => (
  <Show>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <Block title="app.issues.cover">
        <IssueCover />
      </Block>
      <Divider sx={{ my: 3 }} />
      <Block title="app.issues.contents">
        <IssueContents />
      </Block>
      <Divider sx={{ my: 3 }} />
      <Block title="app.issues.distribution">
        <IssueDistribution />
      </Block>
    </Box>
  </Show>
);

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** What the printed cover says, plus the issue's place in the workflow. */
const IssueCover = () => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' }}>
    <Box sx={{ gridColumn: '1 / -1' }}>
      <Labeled>
        <TextField source="title" variant="body1" />
      </Labeled>
    </Box>
    <Labeled source="serialNumber">
      <SerialNumberField />
    </Labeled>
    <Labeled label="resources.issues.fields.yearMonth">
      <YearMonthField />
    </Labeled>
    <Labeled>
      <TextField source="compiler" />
    </Labeled>
    <Labeled>
      <CalendarDateField source="publicationDate" />
    </Labeled>
    <Labeled label="resources.issues.fields.coverage">
      <CoverageField />
    </Labeled>
    <Labeled source="status" sx={{ alignItems: 'flex-start' }}>
      <IssueStatusField />
    </Labeled>
    <Labeled>
      <TextField source="revision" />
    </Labeled>
    <Labeled>
      <TextField source="entryCount" />
    </Labeled>
    <Labeled>
      <TimestampField source="updatedAt" />
    </Labeled>
  </Box>
);

/** 发放范围, as printed: the recipient units in their set order, separated by 、 */
const IssueDistribution = () => {
  const record = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  if (!record?.recipients) return null;
  if (record.recipients.length === 0) {
    return <Typography color="text.secondary">{translate('app.issues.distribution_empty')}</Typography>;
  }
  return (
    <Typography data-testid="issue-recipients" sx={{ lineHeight: 1.9 }}>
      {record.recipients.map(recipient => recipient.name).join('、')}
    </Typography>
  );
};

export default IssueShow;
