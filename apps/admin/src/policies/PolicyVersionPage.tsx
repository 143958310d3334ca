import { useParams } from 'react-router-dom';

export function PolicyVersionPage() {
  const { policyId, version } = useParams();
  return (
    <p>
      {policyId} v{version}
    </p>
  );
}
