import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Typst paper names the office may choose from. */
export const PAPER_SIZES = ['a4', 'a5', 'b5', 'iso-b5', 'jis-b5', 'us-letter'] as const;

export class UpdateMastheadDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) publicationTitle?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) notice?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) sponsor?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) publisher?: string;
  @IsOptional() @IsString() @Matches(/^[0-9０-９()（）\-－ ]{5,30}$/) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(100) email?: string;
  @IsOptional() @IsIn(PAPER_SIZES) paper?: (typeof PAPER_SIZES)[number];
}
