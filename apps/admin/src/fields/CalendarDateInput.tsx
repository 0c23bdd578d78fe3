import { TextField, type SxProps, type Theme } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, useTranslate, type Validator } from 'react-admin';
import { formatDate, formatYearMonth } from '../formatDate';
import { readCalendarDate, type DatePrecision } from './calendarDate';

export interface CalendarDateInputProps {
  source: string;
  label?: string;
  /** A day (stored "YYYY-MM-DD") or a month (stored as its first day). */
  precision?: DatePrecision;
  validate?: Validator | Validator[];
  helperText?: string | false;
  /** Stored value → "YYYY-MM-DD" (e.g. a filter's timestamp read back as its day). */
  format?: (value: unknown) => string;
  /** "YYYY-MM-DD" → stored value (e.g. the instant the day starts, for a filter). */
  parse?: (value: string) => unknown;
  defaultValue?: string;
  endAdornment?: ReactNode;
  sx?: SxProps<Theme>;
  /** Filters: only a complete date (or none) reaches the form, never half-typed text. */
  alwaysOn?: boolean;
}

const asIso = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/**
 * A calendar date typed and shown year first, whatever the browser's language: 2021年10月14日
 * (or 2021-10-14 with the admin in English), where `<input type=date>` shows 10/14/2021 in an
 * American browser. Accepts 2021年10月14日, 2021-10-14, 2021/10/14, 2021.10.14 and 20211014;
 * a month as 2021年10月 or 2021-10. What is typed stays as typed while the field has focus, and is
 * written the house way when it loses it.
 */
export const CalendarDateInput = ({
  source, label, precision = 'day', validate, helperText, format = asIso, parse = (value) => value, defaultValue, endAdornment, sx, alwaysOn,
}: CalendarDateInputProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const validators = [...(Array.isArray(validate) ? validate : validate ? [validate] : []), validCalendarDate(precision)];
  const { field, fieldState, isRequired, id } = useInput({ source, validate: validators, defaultValue });
  const show = (iso: string) => (iso === '' ? '' : displayDate(iso, precision, locale));
  const stored = format(field.value);
  const [text, setText] = useState(() => show(stored));
  const focused = useRef(false);
  // Text left that is no date: said at once on leaving the field, not only when saving.
  const [unreadable, setUnreadable] = useState(false);
  // The value may change from outside (a default, a field that follows another): show it, unless being typed.
  useEffect(() => {
    if (!focused.current && readCalendarDate(text, precision) !== stored) setText(show(stored));
  }, [stored, precision, locale]);

  const onChange = (raw: string) => {
    setText(raw);
    setUnreadable(false);
    const iso = readCalendarDate(raw, precision);
    if (iso) field.onChange(parse(iso));
    else if (raw.trim() === '') field.onChange(null);
    // Half-typed text is kept for the validator to name, except in a filter, which would send it.
    else if (!alwaysOn) field.onChange(raw);
  };
  const error = fieldState.invalid && fieldState.error?.message ? fieldState.error.message : unreadable ? invalidMessage(precision) : undefined;
  return (
    <TextField
      id={id}
      className={`ra-input ra-input-${source}`}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      onFocus={() => { focused.current = true; }}
      onBlur={() => {
        focused.current = false;
        const iso = readCalendarDate(text, precision);
        if (iso) setText(show(iso));
        setUnreadable(!iso && text.trim() !== '');
        field.onBlur();
      }}
      label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
      placeholder={translate(precision === 'month' ? 'app.dates.month_placeholder' : 'app.dates.day_placeholder')}
      error={Boolean(error)}
      helperText={helperText === false && !error ? false : <InputHelperText error={error} helperText={helperText} />}
      size="small"
      margin="dense"
      variant="filled"
      sx={{ minWidth: '12rem', ...sx }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-precision': precision, autoComplete: 'off' }, input: endAdornment ? { endAdornment } : undefined }}
    />
  );
};

/** The house way of writing a date: 2021年10月14日 (2021-10-14 in the English admin). */
function displayDate(iso: string, precision: DatePrecision, locale: string): string {
  if (!locale.toLowerCase().startsWith('zh')) return precision === 'month' ? iso.slice(0, 7) : iso;
  return precision === 'month' ? formatYearMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))) : formatDate(iso);
}

/** Refuses text that is not a date of the calendar, naming the forms that are understood. */
const validCalendarDate = (precision: DatePrecision): Validator => (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  return invalidMessage(precision);
};

const invalidMessage = (precision: DatePrecision) => (precision === 'month' ? 'app.dates.invalid_month' : 'app.dates.invalid_day');
