import type { RouteObject } from 'react-router';
import { AppShell } from './components/app-shell.tsx';
import { SearchPage } from './pages/search/search-page.tsx';
import { ContractPage } from './pages/contract/contract-page.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';

/** Every page of the catalog, one line each; the server answers any of these paths with the app. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <SearchPage /> },
      { path: 'contracts/:slug/:tab?', element: <ContractPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
