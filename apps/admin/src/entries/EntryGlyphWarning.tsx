import { Alert, AlertTitle, Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Entry } from '@dsyb/contracts';
import { missingGlyphsIn, withAlternatives } from './missingGlyphs';

/**
 * Characters of the saved title or body that no font of the PDF has (the server's
 * `missing-glyphs` warning, entry-warnings.ts): which they are, what each becomes, and one button
 * that puts the alternatives in (emoji removed, compatibility ideographs normalised) for the
 * editor to check and save. Characters without an alternative stay for the editor to rewrite.
 * The notice goes as soon as none of the characters is left in the form.
 */
export const EntryGlyphWarning = () => {
  const translate = useTranslate();
  const entry = useRecordContext<Entry>();
  const { setValue } = useFormContext();
  const [title, bodyHtml] = useWatch({ name: ['title', 'bodyHtml'] }) as [unknown, unknown];
  const missing = missingGlyphsIn(entry, [title, bodyHtml]);
  if (missing.length === 0) return null;
  const replaceable = missing.filter(({ alternative }) => alternative !== null);
  const replace = () => {
    for (const [field, value] of [['title', title], ['bodyHtml', bodyHtml]] as const) {
      if (typeof value !== 'string') continue;
      const replaced = withAlternatives(value, replaceable);
      if (replaced !== value) setValue(field, replaced, { shouldDirty: true, shouldValidate: true });
    }
  };
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="entry-glyph-warning"
      action={
        replaceable.length > 0 ? (
          <Button color="inherit" size="small" onClick={replace}>
            {translate('app.entries.glyphs_replace')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{translate('app.entries.glyphs_missing', { characters: missing.map(({ character }) => character).join('、') })}</AlertTitle>
      {missing
        .map(({ character, alternative }) =>
          alternative === null
            ? translate('app.entries.glyph_rewrite', { character })
            : alternative === ''
              ? translate('app.entries.glyph_remove', { character })
              : translate('app.entries.glyph_normalise', { character, alternative, code: codePoint(character) }),
        )
        .join('；')}
    </Alert>
  );
};

/** "U+F900": compatibility ideographs look like their usual form, the code tells them apart. */
const codePoint = (character: string) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
