import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateRecipientDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  /** Grouping on the distribution list, e.g. 区领导, 区直部门, 街道. */
  @IsString() @IsNotEmpty() @MaxLength(40) category!: string;
  @IsInt() @Min(0) @Max(100000) position!: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

/** null is refused for required fields. */
export class UpdateRecipientDto extends PartialType(CreateRecipientDto, { skipNullProperties: false }) {}
