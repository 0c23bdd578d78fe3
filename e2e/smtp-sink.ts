import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free port that keeps what it receives (smtp-server, the receiving side
 * of nodemailer's project), for tests and the dispatch benchmark. Plain SMTP without
 * authentication, as a relay on the office's own network would be.
 */
export interface SmtpSink {
  port: number;
  messages: ParsedMail[];
  /** While true, every message is refused with a 451 (a server that is "down"). */
  refusing: boolean;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink = { port: 0, messages: [] as ParsedMail[], refusing: false } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (sink.refusing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('暂时无法接收邮件'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          sink.messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
