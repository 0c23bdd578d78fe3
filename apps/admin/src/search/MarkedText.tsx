import { Box, type SxProps, type Theme } from '@mui/material';
import type { ElementType } from 'react';
import { markOnlyHtml } from './markHtml';

/** A result's title or snippet with its matched words marked; nothing but <mark> reaches the page as HTML. */
export const MarkedText = ({ html, component = 'span', sx }: { html: string | null | undefined; component?: ElementType; sx?: SxProps<Theme> }) => (
  <Box
    component={component}
    sx={[{ '& mark': { bgcolor: 'warning.light', color: 'inherit', px: 0.25, borderRadius: 0.5 } }, ...(Array.isArray(sx) ? sx : [sx])]}
    dangerouslySetInnerHTML={{ __html: markOnlyHtml(html) }}
  />
);
