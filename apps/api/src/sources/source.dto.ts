import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../common/is-iso-date';
import type { ContributorRole } from '@dsyb/db';
import { CONTRIBUTOR_ROLES, MAX_LENGTH } from '@dsyb/contracts';

/** Chinese wording where the validation pipe has none of its own (class-validator names it isUuid). */
const MUST_BE_UUID = { message: '必须是有效的 UUID' };

export class SourceCreditDto {
  @IsUUID('all', MUST_BE_UUID) contributorId!: string;
  @IsIn(CONTRIBUTOR_ROLES) role!: ContributorRole;
  /** Returned by the API for display; accepted back so a record round-trips, and ignored. */
  @IsOptional() @IsString() name?: string;
}

export class CreateSourceDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.source.newspaper) newspaper!: string;
  /** "YYYY-MM-DD"; a time of day is refused. */
  @IsOptional() @IsIsoDate() issueDate?: string | null;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.source.page) page?: string | null;
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.source.headline) headline!: string;
  @IsString() @MaxLength(MAX_LENGTH.source.text) text!: string;
  /** The full set of credits: on update it replaces the existing ones. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SourceCreditDto) contributors?: SourceCreditDto[];
}

/** null is refused for required fields; issueDate and page may be cleared with null. */
export class UpdateSourceDto extends PartialType(CreateSourceDto, { skipNullProperties: false }) {}
