import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';

export class CreateSectionDto {
  /** Stable identifier used in URLs and seeds, e.g. "politics". */
  @IsString() @Matches(/^[a-z][a-z0-9-]{1,39}$/) key!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.section.name) name!: string;
  @IsInt() @Min(0) @Max(10000) position!: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateSectionDto extends PartialType(CreateSectionDto) {}
