import { useTranslate } from 'react-admin';
import { policyVersionPath } from './console-paths';
import { RowLink } from './RowLink';

export function PolicyVersionLink({ policyId, version }: { policyId: string; version: number }) {
  const translate = useTranslate();
  const text = translate('tierwise.tierHistory.policyVersion', { policy: policyId, version });
  return (
    <RowLink to={policyVersionPath(policyId, version)} label={text}>
      {text}
    </RowLink>
  );
}
