import { IsIsoDate } from '../common/is-iso-date';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const PRECISIONS = ['day', 'month'] as const;
const CONTRIBUTOR_ROLES = ['reporter', 'correspondent', 'photographer'] as const;
/** Rich text with images as data: URLs (a few photos of up to 2 MB each). */
export const MAX_BODY_HTML = 8_000_000;

/** One person credited on the entry, in one role (an entry may name the same person twice in two roles). */
export class EntryContributorDto {
  @IsUUID() contributorId!: string;
  @IsIn(CONTRIBUTOR_ROLES) role!: (typeof CONTRIBUTOR_ROLES)[number];
}

export class CreateEntryDto {
  @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @IsUUID() sectionId!: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsIsoDate() eventDate!: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  /** Rich text from the editor; sanitised to what the PDF prints. */
  @IsOptional() @IsString() @MaxLength(MAX_BODY_HTML) bodyHtml?: string;
  /** Plain text, paragraphs separated by blank lines; used when no bodyHtml is given. */
  @IsOptional() @IsString() @MaxLength(100000) bodyText?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100000) position?: number;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() sourceId?: string | null;
  /**
   * The entry's contributors with their roles; replaces the set (omit to leave it as it is).
   * Each credit must be an object: ValidateNested alone lets a list inside the list through.
   */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => EntryContributorDto) contributors?: EntryContributorDto[];
}

export class UpdateEntryDto {
  /** The version the client read; a stale write is refused with 409. */
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsUUID() sectionId?: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsOptional() @IsIsoDate() eventDate?: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_BODY_HTML) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(100000) bodyText?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100000) position?: number;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() sourceId?: string | null;
  /**
   * The entry's contributors with their roles; replaces the set (omit to leave it as it is).
   * Each credit must be an object: ValidateNested alone lets a list inside the list through.
   */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => EntryContributorDto) contributors?: EntryContributorDto[];
}
