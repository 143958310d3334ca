import { ListGuesser, ShowGuesser } from 'react-admin';

export default { list: ListGuesser, show: ShowGuesser };
