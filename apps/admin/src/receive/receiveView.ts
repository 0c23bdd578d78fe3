/**
 * What the unit's page says, as a pure function of what the API answered (tested without a
 * browser): the issue, the unit, the file to download, whether and by whom it was signed for,
 * the link's expiry; a superseded copy points to the correction that replaced it.
 */
import { bookTitle, correctedRevisionName as revisionName, MAX_LENGTH, type ReceivedDelivery } from '@dsyb/contracts';
import { formatDate, formatDateTime, formatYearMonth } from '../formatDate';
import { receiveUrls } from '../providers/receiveClient';
import { formatBytes } from '../renditions/renditionFormat';

export interface Notice {
  tone: 'info' | 'warning' | 'success' | 'error';
  text: string;
}

export interface Download {
  href: string;
  label: string;
  /** "1.2 MB" */
  size?: string;
  primary: boolean;
}

export interface ReceiveView {
  /** 《大事月报》总第97期 */
  title: string;
  /** 2020年10月 · 出版日期：2020年10月15日 */
  meta: string;
  /** 发至：区委办公室 */
  unit: string;
  notices: Notice[];
  downloads: Download[];
  /** The 确认签收 form, with its button's label; absent when there is nothing to sign for. */
  confirm?: { button: string };
  /** 链接有效期至 2021年1月13日 09:05 */
  expiry: string;
}


export function receiveView(token: string, delivery: ReceivedDelivery): ReceiveView {
  const { issue } = delivery;
  const view: ReceiveView = {
    title: `${bookTitle(issue.title)}总第${issue.serialNumber}期`,
    meta: `${formatYearMonth(issue.year, issue.month)} · 出版日期：${formatDate(issue.publicationDate)}`,
    unit: `发至：${delivery.unit.name}`,
    notices: [],
    downloads: [],
    expiry: `链接有效期至 ${formatDateTime(delivery.expiresAt)}`,
  };
  const size = (bytes: number | null) => (bytes != null ? formatBytes(bytes) : undefined);

  if (delivery.status === 'superseded') {
    const current = delivery.current;
    view.notices.push({ tone: 'warning', text: `本份已被${revisionName(current?.issueRevision ?? issue.revision)}取代，请下载并签收新版。` });
    if (!current || current.status === 'preparing') {
      view.notices.push({ tone: 'info', text: '新版文件正在生成，请稍后刷新。' });
    } else {
      view.downloads.push({ href: receiveUrls.currentFile(token), label: '下载新版 PDF', size: size(current.pdfBytes), primary: true });
      if (current.status === 'confirmed' || current.confirmedAt) {
        view.notices.push({ tone: 'success', text: current.confirmedAt ? `新版已于${formatDateTime(current.confirmedAt)}签收。` : '新版已签收。' });
      } else {
        view.confirm = { button: '确认签收新版' };
      }
    }
    if (delivery.pdfBytes != null) view.downloads.push({ href: receiveUrls.file(token), label: '下载原版 PDF', size: size(delivery.pdfBytes), primary: false });
    return view;
  }

  if (delivery.issueRevision > 1) view.notices.push({ tone: 'info', text: `本份为${revisionName(delivery.issueRevision)}。` });
  if (delivery.status === 'preparing') {
    view.notices.push({ tone: 'info', text: '文件正在生成，请稍后刷新。' });
    return view;
  }
  view.downloads.push({ href: receiveUrls.file(token), label: '下载 PDF', size: size(delivery.pdfBytes), primary: true });
  if (delivery.status === 'confirmed' || delivery.confirmedAt) {
    view.notices.push({ tone: 'success', text: receiptText(delivery.confirmedAt, delivery.confirmedByName) });
  } else {
    view.confirm = { button: '确认签收' };
  }
  return view;
}

/** 已于2020年10月16日 09:05由李明签收 */
export function receiptText(confirmedAt: string | null, confirmedByName: string | null): string {
  const when = confirmedAt ? `于${formatDateTime(confirmedAt)}` : '';
  const who = confirmedByName ? `由${confirmedByName}` : '';
  return `已${when}${who}签收。`;
}

/** The signer's name as the server takes it (1–40 characters), or why not. */
export function signerProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return '请填写签收人姓名。';
  if ([...trimmed].length > MAX_LENGTH.delivery.confirmedByName) return `姓名不能超过 ${MAX_LENGTH.delivery.confirmedByName} 个字。`;
  return undefined;
}

/** A refusal as the unit reads it: the server's own sentence, else one for its status. */
export function errorText(status: number | undefined, message: string): string {
  if (message.trim() !== '') return message;
  switch (status) {
    case undefined:
      return '无法连接服务器，请检查网络后刷新重试。';
    case 404:
      return '链接无效，请核对链接是否完整，或联系区史志办。';
    case 410:
      return '链接已过期或已撤销，请联系区史志办重新发送。';
    case 429:
      return '访问过于频繁，请稍后再试。';
    default:
      return '暂时无法打开，请稍后刷新重试。';
  }
}
