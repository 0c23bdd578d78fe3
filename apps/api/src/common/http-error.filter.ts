import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { readDatabaseError, type DatabaseError } from './database-errors';
import { DomainError, DomainErrorCode } from './domain-errors';
import { REFUSED_BODY } from './json-depth';
import { detailsWithoutServerPaths, withoutServerPaths } from './server-paths';
import { isRedisUnavailable, REDIS_UNAVAILABLE } from './redis-errors';

const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** What Express's router and multer and busboy (file uploads) say, in English, as the client reads it. */
const FRAMEWORK_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Failed to decode param/, '地址中含有无法解码的字符（百分号编码无效）'],
  [/^File too large$/, '上传的文件过大'],
  [/^Too many files$/, '一次上传的文件过多'],
  [/^Too many (parts|fields)$/, '上传的表单项过多'],
  [/^Field (name|value) too long$/, '上传的表单项名称或内容过长'],
  [/^Unexpected (file )?field/, '上传了不应有的文件字段'],
  [/^(Multipart: )?(Malformed part header|Unexpected end of (form|file)|Boundary not found)/, '上传内容格式错误，无法解析（文件名或表单项中可能有不允许的字符）'],
];

/** body-parser's error types, as the client reads them. */
const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': '请求内容不是有效的 JSON',
  'entity.too.large': '请求内容过大',
  'charset.unsupported': '请求内容应使用 UTF-8 编码',
  'encoding.unsupported': '不支持请求内容的压缩方式',
  'request.aborted': '请求在发送完成前中断',
  'request.size.invalid': '请求内容的长度与声明的不符',
};

/** Maps every error to `{statusCode, message, error}`; only our own faults become 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, message, details } = this.describe(exception);
    // A service away for a while (503) is one line in the log, not a stack trace per request.
    if (status === 503) this.logger.warn(`${message}（${reason(exception)}）`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    // Last line: whatever an error carried, the answer names no path on the server and no stack frame.
    response.status(status).json({
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Error',
      message: withoutServerPaths(message),
      ...(details ? (detailsWithoutServerPaths(details) as Record<string, unknown>) : {}),
    });
  }

  private describe(exception: unknown): { status: number; message: string; details?: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      return { status: STATUS_BY_CODE[exception.code], message: exception.message, details: exception.details };
    }
    // Body-parser's errors come wrapped by Nest's Express adapter in an HttpException with its English message.
    const parserError = [exception, exception instanceof HttpException ? exception.cause : undefined].find(isBodyParserError);
    if (parserError) {
      const message = parserError.type === REFUSED_BODY ? parserError.message : BODY_PARSER_MESSAGES[parserError.type] ?? '请求内容无法读取';
      return { status: parserError.status, message };
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('；') : String(raw ?? exception.message);
      return { status: exception.getStatus(), message: this.translateFrameworkMessage(exception.getStatus(), message) };
    }
    if (isRedisUnavailable(exception)) return { status: 503, message: REDIS_UNAVAILABLE };
    const database = readDatabaseError(exception);
    if (database) return describeDatabaseError(database);
    return { status: 500, message: '服务器内部错误，请稍后重试' };
  }

  private translateFrameworkMessage(status: number, message: string): string {
    if (status === 404 && /^Cannot (GET|POST|PUT|DELETE|PATCH)/.test(message)) return `接口不存在：${message.replace(/^Cannot /, '')}`;
    return FRAMEWORK_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? message;
  }
}

/** What body-parser reports (an http-errors error with a `type`), short of its own faults. */
function isBodyParserError(exception: unknown): exception is { status: number; type: string; message: string } {
  return typeof exception === 'object' && exception !== null && 'type' in exception && 'status' in exception
    && typeof (exception as { type: unknown }).type === 'string'
    && typeof (exception as { status: unknown }).status === 'number' && (exception as { status: number }).status < 500;
}

/** What went wrong underneath, for the log: the cause a DomainError carries, or the error itself. */
function reason(exception: unknown): string {
  const underneath = exception instanceof Error && exception.cause !== undefined ? exception.cause : exception;
  return underneath instanceof Error ? underneath.message : String(underneath);
}

/** A database error the client can act on: never a 500, never the database's own wording (except the triggers', written for users). */
function describeDatabaseError(error: DatabaseError): { status: number; message: string } {
  switch (error.kind) {
    case 'refused':
      return { status: 409, message: error.message };
    case 'not_found':
      return { status: 404, message: '记录不存在或已被删除' };
    case 'unique':
      return { status: 409, message: `已存在相同的记录（${error.fields ? error.fields.join('、') : '唯一字段'}重复）` };
    case 'foreign_key':
      return { status: 409, message: '该记录仍被其他数据引用，或引用的记录不存在' };
    case 'write_conflict':
      return { status: 409, message: '数据正被他人同时修改，请稍后重试。' };
    case 'unavailable':
      return { status: 503, message: '数据库暂时无法连接，请稍后重试。已保存的数据不受影响。' };
  }
}
