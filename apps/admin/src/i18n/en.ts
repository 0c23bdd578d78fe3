/**
 * English: react-admin's own catalogue plus this application's keys. Loaded only when a user
 * switches to English, so the default Chinese bundle does not carry it.
 */
import englishMessages from 'ra-language-english';
import type { SameKeys } from './catalogue';
import type { applicationMessages } from './zh-cn';

const applicationMessagesEn: SameKeys<typeof applicationMessages> = {
  app: {
    title: 'Zhongyuan District Local Chronicles Office · Monthly Chronicle of Major Events',
    auth: {
      invalid_credentials: 'Wrong username or password',
    },
    inputs: {
      no_options: 'No matching options',
    },
    issues: {
      serial_number: 'No. %{serialNumber}',
      cover: 'Cover',
      contents: 'Contents',
      contents_empty: 'This issue has no entries yet.',
      section_entry_count: '1 entry |||| %{smart_count} entries',
      distribution: 'Distribution list',
      distribution_empty: 'No recipient units yet.',
      coverage_range: '%{start} to %{end}',
    },
    entries: {
      body_empty: 'The body is empty.',
      event_date_unknown: 'Date unknown',
    },
  },
  resources: {
    issues: {
      name: 'Issue |||| Issues',
      fields: {
        id: 'ID',
        year: 'Year',
        month: 'Month',
        yearMonth: 'Month',
        serialNumber: 'Serial number',
        title: 'Title',
        compiler: 'Compiled by',
        publicationDate: 'Publication date',
        coverageStart: 'Covers from',
        coverageEnd: 'Covers to',
        coverage: 'Period covered',
        status: 'Status',
        revision: 'Revision',
        version: 'Version',
        entryCount: 'Entries',
        createdAt: 'Created',
        updatedAt: 'Updated',
        sections: 'Contents',
        recipients: 'Distribution list',
      },
      status: {
        drafting: 'Drafting',
        in_review: 'In review',
        approved: 'Signed off',
        published: 'Published',
      },
    },
    sections: {
      name: 'Section |||| Sections',
      fields: {
        id: 'ID',
        key: 'Key',
        name: 'Name',
        position: 'Order',
        active: 'Active',
      },
    },
    entries: {
      name: 'Entry |||| Entries',
      fields: {
        id: 'ID',
        issueId: 'Issue',
        sectionId: 'Section',
        title: 'Title',
        bodyText: 'Body',
        bodyHtml: 'Body',
        eventDate: 'Event date',
        eventDatePrecision: 'Date precision',
        status: 'Status',
        version: 'Version',
        position: 'Position',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
      status: {
        draft: 'Draft',
        submitted: 'Submitted',
        approved: 'Approved',
        changes_requested: 'Changes requested',
      },
      precision: {
        day: 'Day',
        month: 'Month',
      },
    },
  },
};

const englishCatalogue = { ...englishMessages, ...applicationMessagesEn };

export default englishCatalogue;
