import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MAX_BODY_HTML } from '../entries/entry.dto';

export class CorrectedEntryDto {
  @IsUUID() entryId!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsString() @MaxLength(MAX_BODY_HTML) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(100000) bodyText?: string;
}

export class CreateCorrectionDto {
  /** The issue version the client read. */
  @IsInt() @Min(1) version!: number;
  /** Why the published issue is corrected: printed in the record, required. */
  @IsString() @MinLength(4) @MaxLength(1000) reason!: string;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CorrectedEntryDto) entries!: CorrectedEntryDto[];
}
