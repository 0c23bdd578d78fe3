import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../common/is-iso-date';
import { CONTRIBUTOR_ROLES, MAX_LENGTH, type ContributorRole } from '@dsyb/contracts';

/** A month of pages is a few hundred articles; more in one request is a mistake. */
export const MAX_IMPORT_ARTICLES = 1000;
/** A page's text; a whole newspaper is far below this. */
export const MAX_PAGE_TEXT = 500_000;

/** Where the page came from: the same fields with pasted text or with an uploaded file. */
export class PageOriginDto {
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.source.newspaper) newspaper?: string;
  @IsOptional() @IsIsoDate() issueDate?: string;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.source.page) page?: string;
}

export class PreviewPageDto extends PageOriginDto {
  /** Pasted text; with a multipart upload the `file` field is read instead. */
  @IsOptional() @IsString() @MaxLength(MAX_PAGE_TEXT, { message: `文字过长：一个版面不超过 ${MAX_PAGE_TEXT} 字` }) text?: string;
}

export class ImportBylineDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.contributor.name) name!: string;
  @IsIn(CONTRIBUTOR_ROLES) role!: ContributorRole;
}

export class ImportArticleDto {
  @IsString() @IsNotEmpty({ message: '标题不能为空' }) @MaxLength(MAX_LENGTH.source.headline) headline!: string;
  @IsString() @IsNotEmpty({ message: '正文不能为空' }) @MaxLength(MAX_LENGTH.source.text) text!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ImportBylineDto) bylines?: ImportBylineDto[];
}

export class SaveImportDto {
  @IsString() @IsNotEmpty({ message: '报纸名称不能为空' }) @MaxLength(MAX_LENGTH.source.newspaper) newspaper!: string;
  @IsOptional() @IsIsoDate() issueDate?: string | null;
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.source.page) page?: string | null;
  @IsArray() @ArrayMinSize(1, { message: '没有要保存的文章' }) @ArrayMaxSize(MAX_IMPORT_ARTICLES) @ValidateNested({ each: true }) @Type(() => ImportArticleDto) articles!: ImportArticleDto[];
}
