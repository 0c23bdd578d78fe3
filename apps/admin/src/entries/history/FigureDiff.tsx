import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { countChanges, type BodyFigure, type FigureChange } from './figureChanges';
import { TextDiff } from './TextDiff';

const thumbSx = { display: 'block', maxWidth: '10rem', maxHeight: '7rem', height: 'auto', borderRadius: 0.5, border: 3, boxSizing: 'border-box' } as const;

/** One photo as a thumbnail, framed green when it came in and red (faded) when it went. */
const Thumbnail = ({ figure, tone, label }: { figure: BodyFigure; tone: 'added' | 'removed'; label: string }) => (
  <Box
    component="img"
    src={figure.src}
    alt={label}
    data-testid={`diff-figure-${tone}`}
    sx={{ ...thumbSx, borderColor: tone === 'added' ? 'success.main' : 'error.main', opacity: tone === 'removed' ? 0.6 : 1 }}
  />
);

/**
 * The photos' part of a comparison of two versions: a summary (新增图片 1 张，更换图片 1 张 …)
 * and each change with thumbnails, and a caption's change character by character.
 */
export const FigureDiff = ({ changes }: { changes: readonly FigureChange[] }) => {
  const translate = useTranslate();
  if (changes.length === 0) return null;
  const counts = countChanges(changes);
  const summary = (['added', 'removed', 'replaced', 'caption'] as const)
    .filter(kind => counts[kind] > 0)
    .map(kind => translate(`app.history.figures.${kind}`, { smart_count: counts[kind] }))
    .join(translate('app.history.figures.separator'));
  const caption = (figure: BodyFigure) => figure.caption || translate('app.history.figures.no_caption');
  return (
    <Box data-testid="diff-figures">
      <Typography variant="body2" sx={{ fontWeight: 700 }} data-testid="diff-figures-summary">
        {summary}
      </Typography>
      <Stack spacing={1.5} sx={{ mt: 1 }}>
        {changes.map((change, index) => {
          const heading = translate(`app.history.figures.item_${change.kind}`, { position: change.position });
          return (
            <Box key={index} data-testid="diff-figure" data-kind={change.kind}>
              <Typography variant="caption" color="text.secondary" component="div">
                {heading}
              </Typography>
              {change.kind === 'caption' ? (
                <TextDiff before={change.before.caption} after={change.after.caption} testId="diff-figure-caption" />
              ) : (
                <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
                  {change.kind === 'replaced' ? (
                    <>
                      <FigureWithCaption figure={change.before} tone="removed" label={caption(change.before)} />
                      <FigureWithCaption figure={change.after} tone="added" label={caption(change.after)} />
                    </>
                  ) : (
                    <FigureWithCaption figure={change.figure} tone={change.kind} label={caption(change.figure)} />
                  )}
                </Stack>
              )}
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
};

const FigureWithCaption = ({ figure, tone, label }: { figure: BodyFigure; tone: 'added' | 'removed'; label: string }) => (
  <Box sx={{ maxWidth: '12rem' }}>
    <Thumbnail figure={figure} tone={tone} label={label} />
    <Typography
      variant="body2"
      component={tone === 'added' ? 'ins' : 'del'}
      sx={{ display: 'block', mt: 0.5, color: tone === 'added' ? 'success.dark' : 'error.dark', textDecoration: tone === 'added' ? 'underline' : 'line-through' }}
    >
      {label}
    </Typography>
  </Box>
);
