import { IsString, MaxLength } from 'class-validator';

/** A review comment on an entry; the workflow library checks that it says something. */
export class CommentDto {
  @IsString() @MaxLength(2000) body!: string;
}
