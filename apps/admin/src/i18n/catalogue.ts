import type { TranslationMessages } from 'react-admin';

/**
 * The shape of a complete catalogue: every key that T declares, none optional, without the
 * index signatures react-admin adds for custom keys. Typing a catalogue with it makes the
 * compiler list every react-admin message a translation forgot.
 */
export type Complete<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : K]-?: NonNullable<T[K]> extends string
    ? string
    : Complete<NonNullable<T[K]>>;
};

/** Same keys as T, any strings: lets the English catalogue be checked against the Chinese one. */
export type SameKeys<T> = {
  [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]>;
};

/** react-admin's own messages, all of them. */
export type ReactAdminCatalogue = Complete<TranslationMessages['ra']>;
