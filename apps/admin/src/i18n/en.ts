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
    labelled: '%{label}: %{value}',
    auth: {
      invalid_credentials: 'Wrong username or password',
    },
    menu: {
      editing: 'Editing',
      reference: 'Reference data',
      system: 'System',
    },
    roles: {
      admin: 'Administrator',
      editor: 'Editor',
      reviewer: 'Reviewer',
    },
    inputs: {
      no_options: 'No matching options',
    },
    validation: {
      section_key: 'Lower-case letters, digits and hyphens, starting with a letter, 2–40 characters',
      username: 'Letters, digits and _ . -, starting with a letter or digit, 2–40 characters',
    },
    stale_version: {
      issues:
        'Not saved: someone else changed this issue (you opened version %{yours}, it is now version %{current}). Your changes are still in the form: copy what you want to keep, then reload the page and make them again on the latest version.',
      entries:
        'Not saved: someone else changed this entry (you opened version %{yours}, it is now version %{current}). Your changes are still in the form: copy what you want to keep, then reload the page and make them again on the latest version.',
    },
    editor: {
      bold: 'Bold',
      bullet_list: 'Bulleted list',
      ordered_list: 'Numbered list',
      undo: 'Undo',
      redo: 'Redo',
    },
    issues: {
      serial_number: 'No. %{serialNumber}',
      serial_number_help: 'Cumulative number, printed on the cover',
      tab_overview: 'Cover and contents',
      current: 'Current issue',
      cover: 'Cover',
      contents: 'Contents',
      contents_empty: 'This issue has no entries yet.',
      section_entry_count: '1 entry |||| %{smart_count} entries',
      distribution: 'Distribution list',
      distribution_empty: 'No recipient units yet.',
      coverage_range: '%{start} to %{end}',
      coverage_default_help: 'Leave empty for the previous month (an issue reports the month before)',
      deadline_help: 'Copy deadline for editors, optional',
      masthead_default_help: 'Leave empty to use the masthead settings',
      create_entry: 'New entry in this issue',
      entries_of_issue: 'Entries of this issue',
    },
    entries: {
      body_empty: 'The body is empty.',
      event_date_unknown: 'Date unknown',
      character_count: 'Body: 1 character |||| Body: %{smart_count} characters',
      issue_help: 'May be left empty and assigned to an issue later',
      source_help: 'The source article this entry condenses; shown beside the body',
      month_precision_help: 'When only the month is known; stored as the 1st of the month',
    },
    sources: {
      panel_title: 'Source article',
      not_found: 'This source article cannot be found; it may have been deleted.',
      page: 'page %{page}',
      page_help: 'Page, e.g. "2" or "A2"',
      text_help: 'The text extracted from the newspaper page, line breaks kept',
    },
    sections: {
      key_help: 'Identifier used in URLs and imports, e.g. politics',
      position_help: 'Order in the chronicle, lower numbers first',
      active_help: 'A retired section cannot be chosen for new entries; existing entries keep it',
    },
    recipients: {
      category_help: 'Group on the distribution list, e.g. district leaders, departments, sub-districts',
      position_help: 'Order on the distribution list, lower numbers first',
      active_help: 'An inactive unit is left off the distribution list of new issues',
    },
    contributors: {
      organisation_help: 'Where they work, optional; tells apart people of the same name',
    },
    users: {
      username_help: 'The name used to sign in',
      active_help: 'An inactive user can no longer sign in; their records are kept',
      password_help: 'At least 8 characters',
      password_change_help: 'Leave empty to keep the current password; a new one needs at least 8 characters',
    },
    renditions: {
      title: 'Typesetting and downloads',
      request_proof: 'Make a proof',
      request_final: 'Make the final PDF',
      final_after_sign_off: 'The final PDF can be made once the issue is signed off',
      kind: {
        proof: 'Proof',
        final: 'Final',
      },
      progress_queued: '%{kind} waiting to be typeset…',
      progress_running: 'Typesetting the %{kind}…',
      progress_done: '%{kind} ready: %{pages} pages, %{size}',
      progress_failed: '%{kind} failed',
      error_unknown: 'Typesetting failed for an unknown reason; please try again later.',
      history: 'Files made so far',
      none: 'No proof or final PDF has been made yet.',
      download: 'Download',
      preview: 'Preview',
      hide_preview: 'Hide preview',
      preview_failed: 'Cannot show the preview: %{message}',
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
        deadline: 'Deadline',
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
        sourceId: 'Source article',
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
        day: 'To the day',
        month: 'Month only',
      },
    },
    sources: {
      name: 'Source article |||| Source articles',
      fields: {
        id: 'ID',
        newspaper: 'Newspaper',
        issueDate: 'Issue date',
        page: 'Page',
        headline: 'Headline',
        text: 'Text',
        contributors: 'Credits',
        'contributors.contributorId': 'Contributor',
        'contributors.role': 'As',
        createdAt: 'Added',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    recipients: {
      name: 'Recipient unit |||| Recipient units',
      fields: {
        id: 'ID',
        name: 'Name',
        category: 'Group',
        position: 'Order',
        active: 'Active',
        q: 'Search',
      },
    },
    contributors: {
      name: 'Contributor |||| Contributors',
      fields: {
        id: 'ID',
        name: 'Name',
        role: 'Role',
        organisation: 'Organisation',
        createdAt: 'Created',
        q: 'Search',
      },
      roles: {
        reporter: 'Reporter',
        correspondent: 'Correspondent',
        photographer: 'Photographer',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        username: 'Username',
        displayName: 'Name',
        roles: 'Roles',
        role: 'Role',
        active: 'Active',
        password: 'Password',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    renditions: {
      name: 'Rendition |||| Renditions',
      fields: {
        createdAt: 'Time',
        kind: 'Kind',
        status: 'Status',
        pages: 'Pages',
        bytes: 'Size',
        sha256: 'SHA-256 checksum',
      },
      status: {
        queued: 'Queued',
        running: 'Typesetting',
        done: 'Done',
        failed: 'Failed',
      },
    },
  },
};

const englishCatalogue = { ...englishMessages, ...applicationMessagesEn };

export default englishCatalogue;
