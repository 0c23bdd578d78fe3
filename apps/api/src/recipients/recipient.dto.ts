import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DELIVERY_METHODS, MAX_LENGTH, MAX_RECIPIENT_EMAILS, type DeliveryMethod } from '@dsyb/contracts';

/** Addresses are kept trimmed and once each; an empty list is allowed (checked against the method by the service). */
const normaliseEmails = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? [...new Set(value.map((email) => (typeof email === 'string' ? email.trim() : email)))] : value;

/** Blank optional text is stored as null. */
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value);

export class CreateRecipientDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.recipient.name) name!: string;
  /** Grouping on the distribution list, e.g. 区领导, 区直部门, 街道. */
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.recipient.category) category!: string;
  @IsInt() @Min(0) @Max(100000) position!: number;
  @IsOptional() @IsBoolean() active?: boolean;
  /** 联系人 */
  @IsOptional() @Transform(blankToNull) @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(MAX_LENGTH.recipient.contactPerson) contactPerson?: string | null;
  @IsOptional() @Transform(blankToNull) @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(MAX_LENGTH.recipient.phone) phone?: string | null;
  /** 电子邮箱: required (at least one) when the unit receives by e-mail. */
  @IsOptional()
  @Transform(normaliseEmails)
  @IsArray()
  @ArrayMaxSize(MAX_RECIPIENT_EMAILS, { message: `电子邮箱最多 ${MAX_RECIPIENT_EMAILS} 个` })
  @IsEmail({}, { each: true, message: '电子邮箱格式不正确：$value' })
  @MaxLength(MAX_LENGTH.recipient.email, { each: true })
  emails?: string[];
  /** 纸质份数 */
  @IsOptional() @IsInt() @Min(0) @Max(1000) paperCopies?: number;
  /** 发放方式: link (下载链接), email (电子邮件), paper (纸质). */
  @IsOptional() @IsIn(DELIVERY_METHODS, { message: `发放方式只能是 ${DELIVERY_METHODS.join('、')}` }) deliveryMethod?: DeliveryMethod;
}

/** null is refused for required fields. */
export class UpdateRecipientDto extends PartialType(CreateRecipientDto, { skipNullProperties: false }) {}
