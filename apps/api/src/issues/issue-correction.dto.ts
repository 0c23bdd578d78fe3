import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';
import { PG_INT_MAX } from '../common/integer-range';

export class CorrectedEntryDto {
  @IsUUID() entryId!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyText) bodyText?: string;
}

export class CreateCorrectionDto {
  /** The issue version the client read. */
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  /** Why the published issue is corrected: printed in the record, required. */
  @IsString() @MinLength(4) @MaxLength(MAX_LENGTH.correction.reason) reason!: string;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CorrectedEntryDto) entries!: CorrectedEntryDto[];
}
