import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Marks the one policy that grades the customers. */
export function GradingChip() {
  const translate = useTranslate();
  return <Chip size="small" color="success" icon={<CheckCircleIcon />} label={translate('tierwise.policies.grading.chip')} />;
}
