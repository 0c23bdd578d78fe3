import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EVENT_DATE_PRECISIONS as PRECISIONS, MAX_LENGTH } from '@dsyb/contracts';
import { INDEX_TERM_KINDS } from '@dsyb/domain';
import { IsIsoDate } from '../common/is-iso-date';
import { PG_INT_MAX } from '../common/integer-range';
import { TransitionDto } from '../common/transition.dto';

/** 编纂: the year whose published issues the volume is compiled from. */
export class CreateAnnualVolumeDto {
  @Type(() => Number) @IsInt() @Min(1949) @Max(2200) year!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) compiler?: string;
  @IsOptional() @IsIsoDate() publicationDate?: string;
}

export class UpdateAnnualVolumeDto extends TransitionDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) compiler?: string;
  @IsOptional() @IsIsoDate() publicationDate?: string;
}

/** An event the editor writes into the volume (one no issue carried). */
export class CreateAnnualEntryDto {
  @IsUUID() volumeId!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title!: string;
  @IsIsoDate() eventDate!: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyText) bodyText?: string;
}

export class UpdateAnnualEntryDto extends TransitionDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title?: string;
  @IsOptional() @IsIsoDate() eventDate?: string;
  @IsOptional() @IsIn(PRECISIONS) eventDatePrecision?: (typeof PRECISIONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyText) bodyText?: string;
  /** false brings back an event dropped from the volume. */
  @IsOptional() @IsIn([false]) excluded?: false;
}

/** 合并: the first event absorbs the others, which leave the volume (kept, marked merged into it). */
export class MergeAnnualEntriesDto {
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @IsUUID('all', { each: true }) entryIds!: string[];
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.entry.title) title?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.entry.bodyHtml) bodyHtml?: string;
}

/** 采用上游 / 保留本稿: what the editor does with a change a recompilation found. */
export class UpstreamDecisionDto extends TransitionDto {
  @IsIn(['take', 'keep']) decision!: 'take' | 'keep';
}

export class CreateIndexTermDto {
  @IsUUID() volumeId!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) term!: string;
  @IsIn(INDEX_TERM_KINDS) kind!: (typeof INDEX_TERM_KINDS)[number];
}

export class UpdateIndexTermDto {
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
  @IsOptional() @IsIn(['proposed', 'accepted', 'suppressed']) status?: 'proposed' | 'accepted' | 'suppressed';
  @IsOptional() @IsIn(INDEX_TERM_KINDS) kind?: (typeof INDEX_TERM_KINDS)[number];
  /** 合并: this wording is another name of that term (同一人的不同称谓); null undoes a merge. */
  @IsOptional() @IsUUID() mergedIntoId?: string;
}
