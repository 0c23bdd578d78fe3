import { IsIsoDate } from '../common/is-iso-date';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH, RENDITION_KINDS, type RenditionKind } from '@dsyb/contracts';
import { PG_INT_MAX } from '../common/integer-range';

export class CreateIssueDto {
  @IsInt() @Min(1949) @Max(2200) year!: number;
  @IsInt() @Min(1) @Max(12) month!: number;
  @IsInt() @Min(1) @Max(100000) serialNumber!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.issue.title) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.issue.compiler) compiler?: string;
  @IsIsoDate() publicationDate!: string;
  @IsOptional() @IsIsoDate() coverageStart?: string;
  @IsOptional() @IsIsoDate() coverageEnd?: string;
  /** null (like leaving it out) means no deadline. */
  @IsOptional() @IsIsoDate() deadline?: string | null;
}

/**
 * A field left out stays as it is. `deadline: null` clears the deadline; the other fields are
 * required on an issue, and null for them is refused with 400 (IssuesService.update).
 */
export class UpdateIssueDto {
  /** The version the client read; a stale write is refused with 409. */
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  @IsOptional() @IsInt() @Min(1949) @Max(2200) year?: number;
  @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100000) serialNumber?: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.issue.title) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.issue.compiler) compiler?: string;
  @IsOptional() @IsIsoDate() publicationDate?: string;
  @IsOptional() @IsIsoDate() coverageStart?: string;
  @IsOptional() @IsIsoDate() coverageEnd?: string;
  @IsOptional() @IsIsoDate() deadline?: string | null;
}

export class RequestRenditionDto {
  @IsOptional() @IsIn(RENDITION_KINDS) kind?: RenditionKind;
}

export class IssueIdDto {
  @IsUUID() id!: string;
}
