import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './http-client';

// The api speaks ra-data-simple-rest's dialect on every resource (sort, range, filter, Content-Range).
export const dataProvider = simpleRestProvider(API_URL, httpClient);
