import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';

export class CreateRecipientDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.recipient.name) name!: string;
  /** Grouping on the distribution list, e.g. 区领导, 区直部门, 街道. */
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.recipient.category) category!: string;
  @IsInt() @Min(0) @Max(100000) position!: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

/** null is refused for required fields. */
export class UpdateRecipientDto extends PartialType(CreateRecipientDto, { skipNullProperties: false }) {}
