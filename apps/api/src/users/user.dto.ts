import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@dsyb/db';

export const ROLES: readonly Role[] = ['admin', 'editor', 'reviewer'];

export class CreateUserDto {
  /** Login name: letters, digits, "_", "." or "-", 2–40 characters. */
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/) username!: string;
  @IsString() @IsNotEmpty() @MaxLength(40) displayName!: string;
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(ROLES, { each: true }) roles!: Role[];
  @IsOptional() @IsBoolean() active?: boolean;
  @IsString() @MinLength(8) @MaxLength(200) password!: string;
}

/** Every field optional, null refused; a missing or null password leaves the current one unchanged. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const), { skipNullProperties: false }) {
  @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string | null;
}
