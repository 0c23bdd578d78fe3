import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PG_INT_MAX } from '../common/integer-range';

export class SectionArrangementDto {
  @IsUUID() sectionId!: string;
  /** The section's entries in print order. */
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) entryIds!: string[];
}

/** The whole arrangement of an issue: which entries, in which sections, in which order. */
export class IssueArrangementDto {
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SectionArrangementDto) sections!: SectionArrangementDto[];
}

/** The distribution list (发放范围): recipient units in print order. */
export class IssueRecipientsDto {
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) recipientIds!: string[];
}
