import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import entries from './entries';
import { i18nProvider } from './i18n/i18nProvider';
import issues from './issues';
import { Layout } from './layout/Layout';
import sections from './sections';
import { darkTheme, lightTheme } from './theme';

export const App = () => (
  <Admin
    title="中原区地方史志办公室 · 大事月报"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
  >
    <Resource name="issues" {...issues} />
    <Resource name="entries" {...entries} />
    <Resource name="sections" {...sections} />
  </Admin>
);
