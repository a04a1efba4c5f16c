import type { RouteObject } from 'react-router';
import { AppShell } from './components/app-shell.tsx';
import { SearchPage } from './pages/search/search-page.tsx';
import { ContractPage } from './pages/contract/contract-page.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';

/**
 * Every page of the catalog, one line each; the server answers any of these paths with the app.
 * Pages past the landing page load on first visit, so the catalog's first load does not pay for them.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <SearchPage /> },
      { path: 'contracts/:slug/:tab?', element: <ContractPage /> },
      { path: 'contracts/:contract/runbook', lazy: () => import('./pages/runbook/runbook-page.tsx').then((m) => ({ Component: m.RunbookPage })) },
      { path: 'systems/:system/runbooks/:contract', lazy: () => import('./pages/runbook/runbook-page.tsx').then((m) => ({ Component: m.RunbookPage })) },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'landscape', lazy: () => import('./pages/landscape/landscape-page.tsx').then((m) => ({ Component: m.LandscapePage })) },
      { path: 'systems/:slug', lazy: () => import('./pages/system/system-page.tsx').then((m) => ({ Component: m.SystemPage })) },
      { path: 'teams/:slug', lazy: () => import('./pages/team/team-page.tsx').then((m) => ({ Component: m.TeamPage })) },
      { path: 'governance', lazy: () => import('./pages/governance/governance-page.tsx').then((m) => ({ Component: m.GovernancePage })) },
      { path: 'api-keys', lazy: () => import('./pages/api-keys/api-keys-page.tsx').then((m) => ({ Component: m.ApiKeysPage })) },
      { path: 'admin/:section?', lazy: () => import('./pages/admin/admin-page.tsx').then((m) => ({ Component: m.AdminPage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
