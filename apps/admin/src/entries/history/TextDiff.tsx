import { alpha, Box, Typography } from '@mui/material';
import { diffChars, type ChangeObject } from 'diff';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';

/** Beyond this a diff is not worth waiting for: the two texts are shown as they are. */
const DIFF_TIMEOUT_MS = 1500;

const insertedSx = {
  color: 'success.dark',
  bgcolor: (theme: { palette: { success: { main: string } } }) => alpha(theme.palette.success.main, 0.15),
  textDecoration: 'underline',
  textDecorationThickness: '2px',
  textUnderlineOffset: '3px',
} as const;

const deletedSx = {
  color: 'error.dark',
  bgcolor: (theme: { palette: { error: { main: string } } }) => alpha(theme.palette.error.main, 0.12),
  textDecoration: 'line-through',
  textDecorationThickness: '2px',
} as const;

/**
 * A character-level comparison (Chinese has no spaces to split words on): what `after` adds
 * is green and underlined, what it drops red and struck through, the rest as it was.
 */
export const TextDiff = ({ before, after, serif = false, testId }: { before: string; after: string; serif?: boolean; testId?: string }) => {
  const translate = useTranslate();
  const parts = useMemo<ChangeObject<string>[] | undefined>(() => diffChars(before, after, { timeout: DIFF_TIMEOUT_MS }), [before, after]);
  const sx = {
    whiteSpace: 'pre-wrap',
    lineHeight: 1.9,
    fontFamily: serif ? '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif' : undefined,
  } as const;
  if (!parts) {
    return (
      <Box data-testid={testId}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.diff.too_different')}
        </Typography>
        <Box sx={sx}>
          <Box component="del" sx={deletedSx}>
            {before}
          </Box>
          {'\n'}
          <Box component="ins" sx={insertedSx}>
            {after}
          </Box>
        </Box>
      </Box>
    );
  }
  return (
    <Box sx={sx} data-testid={testId}>
      {parts.map((part, index) =>
        part.added ? (
          <Box component="ins" key={index} sx={insertedSx} data-testid="diff-inserted">
            {part.value}
          </Box>
        ) : part.removed ? (
          <Box component="del" key={index} sx={deletedSx} data-testid="diff-deleted">
            {part.value}
          </Box>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </Box>
  );
};

/** 绿色下划线：新增　红色删除线：删除 */
export const DiffLegend = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" component="p">
      <Box component="ins" sx={insertedSx}>
        {translate('app.diff.inserted_sample')}
      </Box>
      {translate('app.diff.inserted_legend')}
      <Box component="del" sx={deletedSx}>
        {translate('app.diff.deleted_sample')}
      </Box>
      {translate('app.diff.deleted_legend')}
    </Typography>
  );
};
