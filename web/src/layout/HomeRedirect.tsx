import { Navigate } from 'react-router';
import { landingSite } from '../auth/currentSite';
import { useMe } from '../auth/me';

/** "/" opens the remembered (or only) site's Finder, or asks which site to open. */
export function HomeRedirect() {
  const { data: me } = useMe();
  const landing = landingSite(me);
  return <Navigate to={landing ? `/sites/${landing.site.id}/interactions` : '/choose-site'} replace />;
}
