import { DeleteButton, SaveButton, Toolbar } from 'react-admin';

/**
 * Save, always enabled: on a new record, pressing it with required fields still empty shows
 * what is missing, instead of a greyed-out button that does not say why.
 */
export const CreateToolbar = () => (
  <Toolbar>
    <SaveButton alwaysEnable />
  </Toolbar>
);

/**
 * Save only: for records that are retired or deactivated rather than deleted (sections,
 * recipient units, users), so that history keeps pointing at them.
 */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Save, and delete after a confirmation; the server refuses to delete what is still referenced, saying why. */
export const SaveAndDeleteToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);
