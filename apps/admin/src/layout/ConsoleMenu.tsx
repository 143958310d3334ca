import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { Menu } from 'react-admin';
import { useRole } from '../auth/use-role';
import { isAgent } from '../auth/capabilities';

// The dashboard and resources come from <Admin>; the call-centre screen is a custom route, added for everyone.
export function ConsoleMenu() {
  const role = useRole();
  return (
    <Menu>
      {!isAgent(role) && <Menu.DashboardItem />}
      <Menu.Item to="/call-centre" primaryText="tierwise.menu.callCentre" leftIcon={<PhoneInTalkIcon />} />
      <Menu.ResourceItems />
    </Menu>
  );
}
