import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value);
const nullable = ValidateIf((_object, value) => value !== null);

/** 分发设置: any of these; the SMTP password is write-only (omit it to keep it, null to clear it). */
export class UpdateDeliverySettingsDto {
  /** The address units open their links at, e.g. https://dsyb.example.gov.cn. */
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(200)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: '对外访问地址应为 http:// 或 https:// 开头的网址，例如 https://dsyb.example.gov.cn' })
  publicUrl?: string | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(200) @Matches(/^[A-Za-z0-9.-]+$/, { message: 'SMTP 服务器应为主机名或 IP 地址' })
  smtpHost?: string | null;
  @IsOptional() @IsInt() @Min(1) @Max(65535) smtpPort?: number;
  /** TLS from the first byte (port 465); false: STARTTLS when the server offers it (port 587/25). */
  @IsOptional() @IsBoolean() smtpSecure?: boolean;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(200) smtpUser?: string | null;
  @IsOptional() @nullable @IsString() @MaxLength(200) smtpPassword?: string | null;
  /** 发件人, e.g. "中原区史志办 <office@example.gov.cn>". */
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(200) @Matches(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, { message: '发件人应为电子邮箱，或“名称 <邮箱>”' })
  sender?: string | null;
  @IsOptional() @IsBoolean() attachPdf?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(3650) linkTtlDays?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) overdueDays?: number;
}
