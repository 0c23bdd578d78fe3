import { PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ContributorRole } from '@dsyb/db';

export const CONTRIBUTOR_ROLES: readonly ContributorRole[] = ['reporter', 'correspondent', 'photographer'];

export const CONTRIBUTOR_ROLE_LABELS: Record<ContributorRole, string> = {
  reporter: '记者',
  correspondent: '通讯员',
  photographer: '摄影',
};

export class CreateContributorDto {
  @IsString() @IsNotEmpty() @MaxLength(40) name!: string;
  /** Defaults to correspondent (通讯员). */
  @IsOptional() @IsIn(CONTRIBUTOR_ROLES) role?: ContributorRole;
  @IsOptional() @IsString() @MaxLength(100) organisation?: string | null;
}

/** null is refused for required fields (name); optional ones may be cleared with null. */
export class UpdateContributorDto extends PartialType(CreateContributorDto, { skipNullProperties: false }) {}
