import { Box, Skeleton, Typography } from '@mui/material';
import { lazy, Suspense, useMemo } from 'react';
import { FormDataConsumer, maxLength, required, useTranslate } from 'react-admin';
import { bodyCharacterCount } from './bodyText';

/** The editor and TipTap are a chunk of their own, fetched when a form first needs them. */
const EntryBodyEditor = lazy(() => import('./EntryBodyEditor'));

/** The API keeps at most this much rich text for one body (CreateEntryDto.bodyHtml). */
const MAX_BODY_HTML = 200_000;
const validateBody = [required(), maxLength(MAX_BODY_HTML)];

/** The entry's body in the rich-text editor, with its character count underneath. */
export const EntryBodyInput = () => (
  <Box>
    <Suspense fallback={<EditorPlaceholder />}>
      <EntryBodyEditor source="bodyHtml" label="resources.entries.fields.bodyHtml" validate={validateBody} />
    </Suspense>
    <FormDataConsumer<{ bodyHtml?: unknown }>>
      {({ formData }) => <BodyCharacterCount html={typeof formData.bodyHtml === 'string' ? formData.bodyHtml : ''} />}
    </FormDataConsumer>
  </Box>
);

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
