import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useSidebarState, useTranslate } from 'react-admin';

/** A group heading; hidden when the sidebar is folded to icons. */
const MenuGroup = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  if (!open) return null;
  return (
    <ListSubheader component="div" disableSticky sx={{ lineHeight: 2.5, mt: 1, bgcolor: 'transparent' }}>
      {translate(label)}
    </ListSubheader>
  );
};

/**
 * The menu by task: the monthly editing work, the reference data it draws on, and the system.
 * Each item checks canAccess itself, so a role sees only what it may open (users: admins).
 */
export const Menu = () => {
  const { canAccess: canManageUsers } = useCanAccess({ resource: 'users', action: 'list' });
  return (
    <RaMenu>
      <MenuGroup label="app.menu.editing" />
      <RaMenu.ResourceItem name="issues" />
      <RaMenu.ResourceItem name="entries" />
      <RaMenu.ResourceItem name="sources" />
      <MenuGroup label="app.menu.reference" />
      <RaMenu.ResourceItem name="sections" />
      <RaMenu.ResourceItem name="recipients" />
      <RaMenu.ResourceItem name="contributors" />
      {canManageUsers ? (
        <>
          <MenuGroup label="app.menu.system" />
          <RaMenu.ResourceItem name="users" />
        </>
      ) : null}
    </RaMenu>
  );
};
