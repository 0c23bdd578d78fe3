import { PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ContributorRole } from '@dsyb/db';
import { CONTRIBUTOR_ROLES, MAX_LENGTH } from '@dsyb/contracts';

export { CONTRIBUTOR_ROLES };

export class CreateContributorDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.contributor.name) name!: string;
  /** Defaults to correspondent (通讯员). */
  @IsOptional() @IsIn(CONTRIBUTOR_ROLES) role?: ContributorRole;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.contributor.organisation) organisation?: string | null;
}

/** null is refused for required fields (name); optional ones may be cleared with null. */
export class UpdateContributorDto extends PartialType(CreateContributorDto, { skipNullProperties: false }) {}
