/**
 * 用稿统计 from the API: the counts for the 统计 page, and the same as an Excel workbook, each
 * through the http client (bearer token, the server's Chinese message on errors).
 */
import type { Statistics } from '@dsyb/contracts';
import { queryString, type StatisticsQuery } from '../statistics/statisticsQuery';
import { API_URL, fetchFile, httpClient } from './httpClient';

export const statistics = {
  count: async (query: StatisticsQuery) => (await httpClient(`${API_URL}/statistics?${queryString(query)}`)).json as Statistics,
  /** 用稿统计-<range>.xlsx: the four tables, one sheet each. */
  workbook: (query: StatisticsQuery) => fetchFile(`${API_URL}/statistics/export.xlsx?${queryString(query)}`),
};
