import { useEffect, useSyncExternalStore } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { whenSessionEnds } from '../api/client';
import { onTokensChange, readTokens } from '../api/session';
import { ErrorState } from '../layout/ErrorState';
import { useMe } from './me';
import { signInPathFor } from './safeNext';

/** Where sign-in should return to: the page the user was on. */
export function signInPath(location: { pathname: string; search: string }): string {
  return signInPathFor(location.pathname + location.search);
}

function useSignedIn(): boolean {
  return useSyncExternalStore(
    (changed) => onTokensChange(changed),
    () => readTokens() !== null,
  );
}

/** Guards every signed-in page: no session sends the user to sign-in, remembering where they were. */
export function RequireSession() {
  const signedIn = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  useEffect(() => {
    whenSessionEnds(() => {
      client.clear();
      notifications.show({ color: 'yellow', title: 'Signed out', message: 'Your session has ended. Sign in again to continue.' });
      navigate(signInPath(window.location), { replace: true });
    });
    // outside signed-in pages (e.g. on the sign-in page itself) an ended session needs no redirect
    return () => whenSessionEnds(() => {});
  }, [client, navigate]);

  if (!signedIn) return <Navigate to={signInPath(location)} replace />;
  return <SessionContent />;
}

function SessionContent() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading your account" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (me.data.user?.passwordChangeRequired && location.pathname !== '/change-password') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/change-password' : `/change-password?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
