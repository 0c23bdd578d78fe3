import { Typography } from '@mui/material';
import { useEffect } from 'react';
import { AppBar as RaAppBar, TitlePortal, useLocaleState, useTranslate } from 'react-admin';

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
    <RaAppBar>
      <Typography
        variant="h6"
        component="span"
        noWrap
        sx={{ fontWeight: 600, fontSize: '1.05rem', mr: 3, display: { xs: 'none', md: 'block' } }}
      >
        {appTitle}
      </Typography>
      <TitlePortal variant="body1" />
    </RaAppBar>
  );
};
