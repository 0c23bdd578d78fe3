/** Where the API answers; the admin is served by the same server. */
export const API_URL = '/api';
