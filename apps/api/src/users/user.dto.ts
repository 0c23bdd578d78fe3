import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Role } from '@dsyb/db';
import { MAX_LENGTH, ROLES } from '@dsyb/contracts';
import { NormalizedUsername } from '../auth/username';

export { ROLES };

export class CreateUserDto {
  /** Login name: letters, digits, "_", "." or "-", 2–40 characters; stored lower-case (usernames are compared without letter case). */
  @NormalizedUsername() @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/) username!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.user.displayName) displayName!: string;
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(ROLES, { each: true }) roles!: Role[];
  @IsOptional() @IsBoolean() active?: boolean;
  /** Checked against the password policy in the service, which knows the username (auth/password-policy.ts). */
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.user.password) password!: string;
}

/** Every field optional, null refused; a missing or null password leaves the current one unchanged. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const), { skipNullProperties: false }) {
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.user.password) password?: string | null;
}
