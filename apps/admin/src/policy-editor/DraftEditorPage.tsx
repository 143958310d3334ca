import { useParams } from 'react-router-dom';

export default function DraftEditorPage() {
  const { policyId, version } = useParams();
  return (
    <p>
      {policyId} v{version}
    </p>
  );
}
