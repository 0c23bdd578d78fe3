import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { SearchBox } from '../search/SearchBox';
import { AppBar as RaAppBar, Logout, TitlePortal, UserMenu, useLocaleState, useTranslate, useUserMenu } from 'react-admin';

/** 修改密码 in the user menu, for every signed-in user. */
const ChangePasswordMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.account.change_password')}</ListItemText>
    </MenuItem>
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <ChangePasswordMenuItem />
    <Logout />
  </UserMenu>
);

/** The office's name first, then the page title; keeps the document language and title in step. */
export const AppBar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const appTitle = translate('app.title');

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = appTitle;
  }, [locale, appTitle]);

  return (
    <RaAppBar userMenu={<AppUserMenu />}>
      <Typography
        variant="h6"
        component="span"
        noWrap
        sx={{ fontWeight: 600, fontSize: '1.05rem', mr: 3, display: { xs: 'none', md: 'block' } }}
      >
        {appTitle}
      </Typography>
      <TitlePortal variant="body1" />
      <SearchBox />
    </RaAppBar>
  );
};
