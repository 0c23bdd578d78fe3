import { maxLength, required, SelectInput, TextInput } from 'react-admin';
import { MAX_WORD_LENGTH, searchTermKindChoices, searchTermWordError } from './searchTerms';

const validateWord = [required(), (value: unknown) => searchTermWordError(value)];
const validateNote = [maxLength(200)];
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** 词语 (2–30 characters, no spaces), 类别 (人名 / 地名 / 单位 / 术语), 备注. */
export const SearchTermInputs = () => (
  <>
    <TextInput source="word" validate={validateWord} parse={trimmed} helperText="app.search_terms.word_help" slotProps={{ htmlInput: { maxLength: MAX_WORD_LENGTH + 10 } }} />
    <SelectInput source="kind" choices={searchTermKindChoices} validate={required()} defaultValue="term" />
    <TextInput source="note" validate={validateNote} multiline minRows={2} helperText="app.search_terms.note_help" />
  </>
);
