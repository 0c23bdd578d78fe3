import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../formatDate';
import { CONTRIBUTOR_ROLES, type Source, type SourceCredit } from '@dsyb/contracts';

/** Credits as a byline: "记者 韩娟 通讯员 王云翔 李云凯". */
export function useByline(): (credits: readonly SourceCredit[] | undefined) => string {
  const translate = useTranslate();
  return credits =>
    CONTRIBUTOR_ROLES.flatMap(role => {
      const names = (credits ?? []).filter(credit => credit.role === role && credit.name).map(credit => credit.name);
      return names.length ? [`${translate(`resources.contributors.roles.${role}`)} ${names.join(' ')}`] : [];
    }).join('　');
}

/** Where the article appeared: "郑州日报 · 2020年9月18日 · 第2版". */
export function useSourceOrigin(): (source: Pick<Source, 'newspaper' | 'issueDate' | 'page'>) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return source =>
    [
      source.newspaper,
      source.issueDate ? formatDate(source.issueDate, locale) : undefined,
      source.page ? (/^\d+$/.test(source.page) ? translate('app.sources.page', { page: source.page }) : source.page) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
}

export const SourceOriginField = (_props: { label?: string }) => {
  const record = useRecordContext<Source>();
  const origin = useSourceOrigin();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {origin(record)}
    </Typography>
  );
};

export const BylineField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Source>();
  const byline = useByline();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {byline(record.contributors)}
    </Typography>
  );
};

/** How a source is named in pickers and titles: its headline. */
export const sourceRepresentation = (record: Pick<Source, 'headline'>) => record.headline;
