import { IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';

/** A review comment on an entry; the workflow library checks that it says something. */
export class CommentDto {
  @IsString() @MaxLength(MAX_LENGTH.comment.body) body!: string;
}
