import BarChart from '@mui/icons-material/BarChart';
import ForwardToInbox from '@mui/icons-material/ForwardToInbox';
import SettingsIcon from '@mui/icons-material/Settings';
import UploadFile from '@mui/icons-material/UploadFile';
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
 * The menu by task: the landing page, the monthly editing work (with 导入版面 under 来稿 for those who may add sources, and
 * 统计 for everyone) and the year's (年度大事记), the reference data it draws
 * on, and the system (users, audit trail, masthead and distribution settings: administrators). Resource items check
 * canAccess themselves, so a role sees only what it may open.
 */
export const Menu = () => {
  const { canAccess: canManageUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const { canAccess: canEditSettings } = useCanAccess({ resource: 'settings', action: 'edit' });
  const { canAccess: canImportSources } = useCanAccess({ resource: 'sources', action: 'create' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <MenuGroup label="app.menu.editing" />
      <RaMenu.ResourceItem name="issues" />
      <RaMenu.ResourceItem name="entries" />
      <RaMenu.ResourceItem name="sources" />
      {canImportSources ? <RaMenu.Item to="/source-imports" primaryText="app.source_import.menu" leftIcon={<UploadFile />} sx={{ pl: { sm: 4 } }} /> : null}
      <RaMenu.ResourceItem name="annual-volumes" />
      <RaMenu.Item to="/statistics" primaryText="app.statistics.menu" leftIcon={<BarChart />} />
      <MenuGroup label="app.menu.reference" />
      <RaMenu.ResourceItem name="sections" />
      <RaMenu.ResourceItem name="recipients" />
      <RaMenu.ResourceItem name="contributors" />
      <RaMenu.ResourceItem name="search-terms" />
      {canManageUsers ? (
        <>
          <MenuGroup label="app.menu.system" />
          <RaMenu.ResourceItem name="users" />
          <RaMenu.ResourceItem name="audit-events" />
          {canEditSettings ? (
            <>
              <RaMenu.Item to="/settings/masthead" primaryText="app.masthead.menu" leftIcon={<SettingsIcon />} />
              <RaMenu.Item to="/settings/delivery" primaryText="app.delivery_settings.menu" leftIcon={<ForwardToInbox />} />
            </>
          ) : null}
        </>
      ) : null}
    </RaMenu>
  );
};
