import { IsIsoDate } from '../common/is-iso-date';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const PRECISIONS = ['day', 'month'] as const;

export class CreateEntryDto {
  @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @IsUUID() sectionId!: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsIsoDate() eventDate!: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  /** Rich text from the editor; sanitised to what the PDF prints. */
  @IsOptional() @IsString() @MaxLength(200000) bodyHtml?: string;
  /** Plain text, paragraphs separated by blank lines; used when no bodyHtml is given. */
  @IsOptional() @IsString() @MaxLength(100000) bodyText?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100000) position?: number;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() sourceId?: string | null;
}

export class UpdateEntryDto {
  /** The version the client read; a stale write is refused with 409. */
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsUUID() sectionId?: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsOptional() @IsIsoDate() eventDate?: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  @IsOptional() @IsString() @MaxLength(200000) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(100000) bodyText?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100000) position?: number;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() sourceId?: string | null;
}
