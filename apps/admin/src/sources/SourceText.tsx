import { Box } from '@mui/material';

/**
 * A source's text as it was extracted from the page: line breaks kept, so an editor or a
 * reviewer can compare it line by line with the newspaper.
 */
export const SourceText = ({ text, maxHeight }: { text: string; maxHeight?: string }) => (
  <Box
    data-testid="source-text"
    sx={{
      whiteSpace: 'pre-wrap',
      fontFamily: '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
      lineHeight: 1.8,
      fontSize: '0.98rem',
      maxHeight,
      overflowY: maxHeight ? 'auto' : undefined,
    }}
  >
    {text}
  </Box>
);
