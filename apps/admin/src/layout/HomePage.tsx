import { Navigate } from 'react-router-dom';
import { Loading } from 'react-admin';
import { useRole } from '../auth/use-role';
import { isAgent } from '../auth/capabilities';
import { Dashboard } from '../dashboard';

// Business users land on the dashboard; an agent's home is the call-centre screen.
export function HomePage() {
  const role = useRole();
  if (role === undefined) return <Loading />;
  return isAgent(role) ? <Navigate to="/call-centre" replace /> : <Dashboard />;
}
