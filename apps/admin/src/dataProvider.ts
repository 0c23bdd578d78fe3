import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './httpClient';

/** The API follows ra-data-simple-rest's conventions (`Content-Range`, sort/range/filter as JSON). */
export const dataProvider = simpleRestProvider(API_URL, httpClient);
