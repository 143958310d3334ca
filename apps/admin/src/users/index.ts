import PeopleIcon from '@mui/icons-material/People';
import type { User } from './user';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

// Admins manage users (and, on the list page, API keys); auditors read them. The edit and create
// pages tell any other role that they are not theirs; the api refuses them anyway.
export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: (user: User) => user.username,
  options: { label: 'tierwise.users.menu' },
};
