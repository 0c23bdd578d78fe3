/**
 * 分发 (distribution) calls to the API, in one place: dispatching a published issue to its
 * units, the delivery board and its actions, the 发放登记表 files, the dashboard's 待签收 and the
 * 分发设置. Each goes through the http client (bearer token, the server's Chinese message on
 * errors), as the data provider's own calls do.
 */
import type { AwaitingReceipts, Delivery, DeliverySettings, DispatchResult } from '@dsyb/contracts';
import { API_URL, fetchFile, httpClient } from './httpClient';

/** What PUT /api/settings/delivery takes: any of these; smtpPassword omitted keeps it, null clears it. */
export type DeliverySettingsChanges = Partial<
  Pick<DeliverySettings, 'publicUrl' | 'smtpHost' | 'smtpPort' | 'smtpSecure' | 'smtpUser' | 'sender' | 'attachPdf' | 'linkTtlDays' | 'overdueDays'> & {
    smtpPassword: string | null;
  }
>;

/** POST /api/issues/:id/deliveries/remind: how many were e-mailed, and the overdue deliveries. */
export interface RemindResult {
  reminded: number;
  deliveries: Delivery[];
}

export type RegisterFormat = 'pdf' | 'xlsx';

const issue = (issueId: string) => `issues/${encodeURIComponent(issueId)}`;
const delivery = (deliveryId: string) => `deliveries/${encodeURIComponent(deliveryId)}`;

async function send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return json as T;
}

export const distribution = {
  /** 分发: one delivery per unit of the list, each with its full link (shown only in this answer). */
  dispatch: (issueId: string) => send<DispatchResult>('POST', `${issue(issueId)}/dispatches`, {}),
  /** The deliveries of the issue's current revision in list order; `all` adds superseded ones. */
  deliveries: (issueId: string, all = false) => send<Delivery[]>('GET', `${issue(issueId)}/deliveries${all ? '?all=1' : ''}`),
  /** 重发: a new link (the old ones are revoked) and, for an e-mail unit, the e-mail again. */
  resend: (deliveryId: string) => send<Delivery & { link: string }>('POST', `${delivery(deliveryId)}/resend`, {}),
  /** 撤销链接: every link of the delivery is refused from now on. */
  revoke: (deliveryId: string) => send<Delivery>('POST', `${delivery(deliveryId)}/revoke`, {}),
  /** 登记纸质签收: the unit signed a paper receipt. */
  paperReceipt: (deliveryId: string, confirmedByName?: string) =>
    send<Delivery>('POST', `${delivery(deliveryId)}/paper-receipt`, confirmedByName ? { confirmedByName } : {}),
  /** 提醒逾期单位: e-mails overdue e-mail units a reminder with a fresh link. */
  remind: (issueId: string) => send<RemindResult>('POST', `${issue(issueId)}/deliveries/remind`, {}),
  /** 发放登记表 as PDF or Excel, fetched with the token. */
  register: (issueId: string, format: RegisterFormat) => fetchFile(`${API_URL}/${issue(issueId)}/deliveries/register.${format}`),
  /** Issues whose current revision still awaits receipts (首页 待签收). */
  awaiting: () => send<AwaitingReceipts[]>('GET', 'deliveries/awaiting'),
  settings: () => send<DeliverySettings>('GET', 'settings/delivery'),
  updateSettings: (changes: DeliverySettingsChanges) => send<DeliverySettings>('PUT', 'settings/delivery', changes),
};
