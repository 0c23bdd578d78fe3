/** Forms of a few short fields (a section, a unit, a person, an account): a readable width, not the whole page. */
export const narrowFormSx = { maxWidth: '40rem' } as const;
