import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { createHashRouter, Route, RouterProvider } from 'react-router-dom';
import annualVolumes from './annual-volumes';
import audit from './audit';
import { authProvider } from './providers/authProvider';
import { seedLandingQueries } from './boot/seedQueries';
import contributors from './contributors';
import { dataProvider } from './providers/dataProvider';
import entries from './entries';
import { i18nProvider } from './i18n/i18nProvider';
import issues from './issues';
import { Layout } from './layout/Layout';
import { queryClient } from './providers/queryClient';
import recipients from './recipients';
import searchTerms from './search-terms';
import sections from './sections';
import sources from './sources';
import { darkTheme, lightTheme } from './theme';
import users from './users';

// The first screen's answers, preloaded at start-up, go into react-admin's cache before it renders.
seedLandingQueries(queryClient, dataProvider);

/** The landing page, the settings screens, 导入版面, 修改密码 and 统计 are chunks of their own, like every resource page. */
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const MastheadSettings = lazy(() => import('./settings/MastheadSettings'));
const DeliverySettings = lazy(() => import('./settings/DeliverySettings'));
const SourceImport = lazy(() => import('./sources/import/SourceImport'));
const ChangePassword = lazy(() => import('./account/ChangePassword'));
const CorrectionCreate = lazy(() => import('./corrections/CorrectionCreate'));
const SearchPage = lazy(() => import('./search/SearchPage'));
const StatisticsPage = lazy(() => import('./statistics/StatisticsPage'));

const AdminApp = () => (
  <Admin
    title="中原区地方史志办公室 · 大事月报"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
    queryClient={queryClient}
  >
    <Resource name="issues" {...issues} />
    <Resource name="entries" {...entries} />
    <Resource name="sources" {...sources} />
    <Resource name="annual-volumes" {...annualVolumes} />
    <Resource name="sections" {...sections} />
    <Resource name="recipients" {...recipients} />
    <Resource name="contributors" {...contributors} />
    <Resource name="search-terms" {...searchTerms} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...audit} />
    <CustomRoutes>
      <Route path="/settings/masthead" element={<MastheadSettings />} />
      <Route path="/settings/delivery" element={<DeliverySettings />} />
      <Route path="/source-imports" element={<SourceImport />} />
      <Route path="/password" element={<ChangePassword />} />
      <Route path="/corrections/:issueId/new" element={<CorrectionCreate />} />
      <Route path="/search" element={<SearchPage />} />
      <Route path="/statistics" element={<StatisticsPage />} />
    </CustomRoutes>
  </Admin>
);

/**
 * Our own hash router instead of the one react-admin creates, for one reason: with React 19
 * and react-router 7, navigations run as transitions, and react-admin's logout (navigate to
 * /login, then reset its caches) keeps interrupting its own transition, so a visitor without
 * a session was bounced to /login a thousand times over ~15 s before the form appeared
 * (react-admin issues #10764, #10885). Without transitions the redirect happens once.
 * It stays a data router, which react-admin needs to warn about unsaved changes.
 */
const router = createHashRouter([{ path: '*', element: <AdminApp /> }]);

export const App = () => <RouterProvider router={router} useTransitions={false} />;
