import { IsIsoDate } from '../common/is-iso-date';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';


export class CreateIssueDto {
  @IsInt() @Min(1949) @Max(2200) year!: number;
  @IsInt() @Min(1) @Max(12) month!: number;
  @IsInt() @Min(1) @Max(100000) serialNumber!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) compiler?: string;
  @IsIsoDate() publicationDate!: string;
  @IsOptional() @IsIsoDate() coverageStart?: string;
  @IsOptional() @IsIsoDate() coverageEnd?: string;
  @IsOptional() @IsIsoDate() deadline?: string;
}

export class UpdateIssueDto {
  /** The version the client read; a stale write is refused with 409. */
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsInt() @Min(1949) @Max(2200) year?: number;
  @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100000) serialNumber?: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) compiler?: string;
  @IsOptional() @IsIsoDate() publicationDate?: string;
  @IsOptional() @IsIsoDate() coverageStart?: string;
  @IsOptional() @IsIsoDate() coverageEnd?: string;
  @IsOptional() @IsIsoDate() deadline?: string;
}

export class RequestRenditionDto {
  @IsOptional() @IsIn(['proof', 'final']) kind?: 'proof' | 'final';
}

export class IssueIdDto {
  @IsUUID() id!: string;
}
