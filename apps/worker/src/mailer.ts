import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliverySettings } from '@dsyb/db';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachment?: { filename: string; content: Buffer };
}

/** The SMTP server is not configured: said on the delivery, in Chinese, until an administrator fills in 分发设置. */
export class MailNotConfiguredError extends Error {
  override readonly name = 'MailNotConfiguredError';
  constructor() {
    super('未配置邮件服务器：请管理员在“分发设置”中填写 SMTP 服务器和发件人');
  }
}

/**
 * Sends over the office's SMTP server as 分发设置 says at the moment of sending (an administrator
 * may correct it while e-mails wait). One pooled transport, so a dispatch to a hundred units opens
 * a few connections, not a hundred. A message counts as sent only when the
 * server has accepted it (nodemailer resolves on the server's 250).
 */
export class Mailer {
  private current: { key: string; transport: Transporter } | undefined;

  async send(settings: DeliverySettings, fallbackSender: string, mail: OutgoingMail): Promise<string> {
    if (!settings.smtpHost) throw new MailNotConfiguredError();
    const info = await this.transport(settings).sendMail({
      from: settings.sender ?? fallbackSender,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachment ? [{ filename: mail.attachment.filename, content: mail.attachment.content, contentType: 'application/pdf' }] : undefined,
    });
    return String(info.messageId ?? '');
  }

  close(): void {
    this.current?.transport.close();
    this.current = undefined;
  }

  /** The pooled transport of these settings; a changed setting closes the previous one. */
  private transport(settings: DeliverySettings): Transporter {
    const key = JSON.stringify([settings.smtpHost, settings.smtpPort, settings.smtpSecure, settings.smtpUser, settings.smtpPassword]);
    if (this.current?.key !== key) {
      this.close();
      const transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 4,
        host: settings.smtpHost!,
        port: settings.smtpPort,
        secure: settings.smtpSecure,
        auth: settings.smtpUser ? { user: settings.smtpUser, pass: settings.smtpPassword ?? '' } : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      });
      this.current = { key, transport };
    }
    return this.current.transport;
  }
}
