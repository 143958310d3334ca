import { ListGuesser, ShowGuesser } from 'react-admin';

export default { list: ListGuesser, show: ShowGuesser };
export { PolicyVersionPage } from './PolicyVersionPage';
export { PolicyDiffPage } from './PolicyDiffPage';
