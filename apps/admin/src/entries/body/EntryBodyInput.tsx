import { Box, Skeleton, Typography } from '@mui/material';
import { lazy, Suspense, useMemo } from 'react';
import { required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { bodyCharacterCount, MAX_BODY_HTML, megabytes } from './bodyText';

/** The editor and TipTap are a chunk of their own, fetched when a form first needs them. */
const EntryBodyEditor = lazy(() => import('./EntryBodyEditor'));

/** Images make a body large; say so in megabytes, not in characters of base64. */
const withinBodyLimit = (value: unknown) =>
  typeof value === 'string' && value.length > MAX_BODY_HTML
    ? { message: 'app.entries.body_too_large', args: { size: megabytes(value.length), limit: megabytes(MAX_BODY_HTML) } }
    : undefined;
const validateBody = [required(), withinBodyLimit];

/**
 * The entry's body in the rich-text editor, with its character count underneath; `source` when
 * the body is not the form's own `bodyHtml` (a correction's form holds several entries' bodies).
 */
export const EntryBodyInput = ({ source = 'bodyHtml' }: { source?: string }) => {
  const html: unknown = useWatch({ name: source });
  return (
    <Box>
      <Suspense fallback={<EditorPlaceholder />}>
        <EntryBodyEditor source={source} label="resources.entries.fields.bodyHtml" validate={validateBody} />
      </Suspense>
      <BodyCharacterCount html={typeof html === 'string' ? html : ''} />
    </Box>
  );
};

const EditorPlaceholder = () => (
  <Box aria-busy="true">
    <Skeleton variant="text" width="8em" />
    <Skeleton variant="rectangular" height={40} sx={{ mb: 1 }} />
    <Skeleton variant="rectangular" height={256} />
  </Box>
);

/** "正文 326 字", updated as the editor changes. */
const BodyCharacterCount = ({ html }: { html: string }) => {
  const translate = useTranslate();
  const count = useMemo(() => bodyCharacterCount(html), [html]);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, textAlign: 'right' }} data-testid="body-character-count">
      {translate('app.entries.character_count', { smart_count: count })}
    </Typography>
  );
};
