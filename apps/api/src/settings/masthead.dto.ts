import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_LENGTH, PAGE_NUMBERINGS, PAPER_SIZES, type PageNumbering, type PaperSize } from '@dsyb/contracts';

export class UpdateMastheadDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.masthead.publicationTitle) publicationTitle?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.masthead.notice) notice?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.masthead.sponsor) sponsor?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.masthead.publisher) publisher?: string;
  @IsOptional() @IsString() @Matches(/^[0-9０-９()（）\-－ ]{5,30}$/) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(MAX_LENGTH.masthead.email) email?: string;
  @IsOptional() @IsIn(PAPER_SIZES) paper?: PaperSize;
  @IsOptional() @IsIn(PAGE_NUMBERINGS) pageNumbering?: PageNumbering;
}
