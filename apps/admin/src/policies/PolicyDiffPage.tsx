import { useParams } from 'react-router-dom';

export function PolicyDiffPage() {
  const { policyId } = useParams();
  return <p>{policyId}</p>;
}
