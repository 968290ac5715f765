import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { RequireSession } from './auth/RequireSession';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect } from './layout/HomeRedirect';
import { NotFoundPage } from './layout/NotFoundPage';

// Each area is its own chunk, so the first page loads only what it shows.
const SignInPage = lazy(() => import('./auth/SignInPage'));
const ForgotPasswordPage = lazy(() => import('./auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./auth/ResetPasswordPage'));
const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage'));
const ChooseSitePage = lazy(() => import('./layout/ChooseSitePage'));
const FinderPage = lazy(() => import('./finder/FinderPage'));
const TrashPage = lazy(() => import('./finder/TrashPage'));
const InteractionFormPage = lazy(() => import('./interactions/InteractionFormPage'));
const ProfilePage = lazy(() => import('./profile/ProfilePage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));

function page(element: ReactNode) {
  return (
    <Suspense
      fallback={
        <Center h="50vh">
          <Loader role="status" aria-label="Loading" />
        </Center>
      }
    >
      {element}
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: page(<SignInPage />) },
  { path: '/forgot-password', element: page(<ForgotPasswordPage />) },
  { path: '/reset-password', element: page(<ResetPasswordPage />) },
  {
    element: <RequireSession />,
    children: [
      { path: '/change-password', element: page(<ChangePasswordPage />) },
      { path: '/choose-site', element: page(<ChooseSitePage />) },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: '/sites/:siteId', element: <Navigate to="interactions" replace /> },
          { path: '/sites/:siteId/interactions', element: page(<FinderPage />) },
          { path: '/sites/:siteId/interactions/trash', element: page(<TrashPage />) },
          { path: '/sites/:siteId/interactions/new', element: page(<InteractionFormPage />) },
          { path: '/sites/:siteId/interactions/:interactionId', element: page(<InteractionFormPage />) },
          { path: '/profile', element: page(<ProfilePage />) },
          { path: '/organisations/:organisationId/admin/*', element: page(<AdminPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
