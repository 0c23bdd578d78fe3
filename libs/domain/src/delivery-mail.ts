import { bookTitle, correctedRevisionName } from '@dsyb/contracts';
import { formatChineseMonth, formatOfficeTime } from './dates';
import type { DeliveryMailReason } from './delivery-queue';

export interface DeliveryMailInput {
  unitName: string;
  issue: { title: string; serialNumber: number; year: number; month: number };
  /** The revision this copy is of: above 1 after a correction (勘误). */
  issueRevision: number;
  link: string;
  expiresAt: Date;
  reason: DeliveryMailReason;
  /** The sending office (the masthead's 主办) and its telephone, for questions. */
  office: { name: string; phone: string };
  /** Whether the personalised PDF is attached (DeliverySettings.attachPdf). */
  attached: boolean;
}

export interface DeliveryMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mail a unit receives: in Chinese, with its own link (not the PDF, unless the office asks
 * for it), what the link is for and until when it works, and whom to ask.
 */
export function composeDeliveryMail(input: DeliveryMailInput): DeliveryMail {
  const { issue, issueRevision, reason } = input;
  const issueName = `${bookTitle(issue.title)}总第${issue.serialNumber}期（${formatChineseMonth(issue.year, issue.month)}）`;
  const corrected = issueRevision > 1 ? correctedRevisionName(issueRevision) : '';
  const subject =
    reason === 'reminder'
      ? `【签收提醒】${issueName}${corrected ? `（${corrected}）` : ''}尚待签收`
      : `${issueName}${corrected ? `（${corrected}）` : ''}请查收 — 发至${input.unitName}`;
  const lines = [
    `${input.unitName}：`,
    '',
    reason === 'reminder'
      ? `${input.office.name}于前几日向贵单位发送了${issueName}，目前尚未收到贵单位的签收。请打开下面的链接下载并确认签收：`
      : corrected
        ? `${issueName}已勘误，现发送${corrected}，此前收到的版本作废。请打开下面的链接下载并确认签收：`
        : `${input.office.name}现向贵单位发送${issueName}。请打开下面的链接下载并确认签收：`,
    '',
    input.link,
    '',
    `链接有效期至${formatOfficeTime(input.expiresAt, { time: false })}，仅供贵单位使用，请勿转发。${input.attached ? '本邮件附有该期 PDF。' : ''}`,
    '本刊为内部资料，每页印有贵单位名称，请注意保存。',
    '',
    `如有疑问，请联系${input.office.name}${input.office.phone ? `（电话：${input.office.phone}）` : ''}。`,
    '',
    input.office.name,
  ];
  const text = lines.join('\n');
  const html = `<div style="font-family:sans-serif;font-size:15px;line-height:1.7">${lines
    .map((line) => (line === input.link ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : ''))
    .join('')}</div>`;
  return { subject, text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
