import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PartialType } from '@nestjs/swagger';
import { SEARCH_TERM_KINDS, type SearchTermKind } from '@dsyb/search';
import { IsIsoDate } from '../common/is-iso-date';

const MUST_BE_UUID = { message: '必须是有效的 UUID' };

/** What an editor is writing (or a source holds), to look for entries of the same event. */
export class DuplicateQueryDto {
  @IsString() @MaxLength(500) title!: string;
  @IsOptional() @IsString() @MaxLength(200_000) text?: string;
  @IsOptional() @IsIsoDate() eventDate?: string;
  @IsOptional() @IsUUID('all', MUST_BE_UUID) excludeEntryId?: string;
  @IsOptional() @IsUUID('all', MUST_BE_UUID) sourceId?: string;
}

export class CreateSearchTermDto {
  @IsString() @IsNotEmpty({ message: '词语不能为空' }) @MinLength(2, { message: '词语至少 2 个字' }) @MaxLength(30, { message: '词语最多 30 个字' })
  @Matches(/^\S+$/u, { message: '词语不能含空格' })
  word!: string;
  @IsOptional() @IsIn(SEARCH_TERM_KINDS, { message: `类别应为 ${SEARCH_TERM_KINDS.join('、')} 之一` }) kind?: SearchTermKind;
  @IsOptional() @IsString() @MaxLength(200) note?: string | null;
}

export class UpdateSearchTermDto extends PartialType(CreateSearchTermDto) {}
