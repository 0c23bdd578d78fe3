import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const DATE = { strict: true, strictSeparator: true } as const;

export class CreateIssueDto {
  @IsInt() @Min(1949) @Max(2200) year!: number;
  @IsInt() @Min(1) @Max(12) month!: number;
  @IsInt() @Min(1) @Max(100000) serialNumber!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) compiler?: string;
  @IsISO8601(DATE) publicationDate!: string;
  @IsOptional() @IsISO8601(DATE) coverageStart?: string;
  @IsOptional() @IsISO8601(DATE) coverageEnd?: string;
  @IsOptional() @IsISO8601(DATE) deadline?: string;
}

export class UpdateIssueDto {
  /** The version the client read; a stale write is refused with 409. */
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsInt() @Min(1949) @Max(2200) year?: number;
  @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100000) serialNumber?: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) compiler?: string;
  @IsOptional() @IsISO8601(DATE) publicationDate?: string;
  @IsOptional() @IsISO8601(DATE) coverageStart?: string;
  @IsOptional() @IsISO8601(DATE) coverageEnd?: string;
  @IsOptional() @IsISO8601(DATE) deadline?: string;
}

export class RequestRenditionDto {
  @IsOptional() @IsIn(['proof', 'final']) kind?: 'proof' | 'final';
}

export class IssueIdDto {
  @IsUUID() id!: string;
}
