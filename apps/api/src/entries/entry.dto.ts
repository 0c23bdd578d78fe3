import { IsIsoDate } from '../common/is-iso-date';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

import { CONTRIBUTOR_ROLES, EVENT_DATE_PRECISIONS as PRECISIONS, MAX_LENGTH } from '@dsyb/contracts';
import { PG_INT_MAX } from '../common/integer-range';

/** One person credited on the entry, in one role (an entry may name the same person twice in two roles). */
export class EntryContributorDto {
  @IsUUID() contributorId!: string;
  @IsIn(CONTRIBUTOR_ROLES) role!: (typeof CONTRIBUTOR_ROLES)[number];
}

export class CreateEntryDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title!: string;
  @IsUUID() sectionId!: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsIsoDate() eventDate!: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  /** Rich text from the editor; sanitised to what the PDF prints. */
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
  /** Plain text, paragraphs separated by blank lines; used when no bodyHtml is given. */
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyText) bodyText?: string;
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
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title?: string;
  @IsOptional() @IsUUID() sectionId?: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() issueId?: string | null;
  @IsOptional() @IsIsoDate() eventDate?: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyText) bodyText?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100000) position?: number;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() sourceId?: string | null;
  /**
   * The entry's contributors with their roles; replaces the set (omit to leave it as it is).
   * Each credit must be an object: ValidateNested alone lets a list inside the list through.
   */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => EntryContributorDto) contributors?: EntryContributorDto[];
}
