import { Button, type ButtonProps } from '@mui/material';
import { useNavigate } from 'react-router-dom';

/**
 * A button that opens another console page. The policy pages' actions ("Edit draft", "Compare", "Open")
 * are buttons beside buttons that act ("Publish", "New draft"), so people and tests find them as buttons.
 */
export function NavigateButton({ to, ...props }: Omit<ButtonProps, 'onClick' | 'href'> & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => void navigate(to)} />;
}
