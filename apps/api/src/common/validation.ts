import { BadRequestException, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { NOT_A_DATE } from './is-iso-date';


/** Chinese wording for the class-validator constraints we use; the field is always named. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '是不允许的字段',
  isString: '必须是文字',
  isNotEmpty: '不能为空',
  isInt: '必须是整数',
  min: '数值过小',
  max: '数值过大',
  isBoolean: '必须是 true 或 false',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '必须是数组',
  isUUID: '必须是有效的 UUID',
  isUuid: '必须是有效的 UUID',
  isISO8601: NOT_A_DATE,
  isIso8601: NOT_A_DATE,
  isoDate: NOT_A_DATE,
  matches: '格式不正确',
  maxLength: '过长',
  minLength: '过短',
  isEmail: '必须是有效的电子邮箱',
  arrayNotEmpty: '不能为空',
  arrayUnique: '不能有重复项',
  nestedValidation: '格式不正确',
  isObject: '必须是对象',
};

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map(
      (constraint) => `字段 ${field} ${CONSTRAINT_MESSAGES[constraint] ?? error.constraints?.[constraint] ?? '无效'}`,
    );
    return [...own, ...describe(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(describe(errors).join('；') || '请求内容无效'),
  });
}

/** `:id` parameters are UUIDs; anything else is a 400 that says so, never a database error. */
export const IdParam = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('路径中的 id 不是有效的 UUID'),
});
