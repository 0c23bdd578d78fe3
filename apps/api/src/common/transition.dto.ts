import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';
import { PG_INT_MAX } from './integer-range';

/** Every transition carries the version the client read: acting on a record changed since is a 409. */
export class TransitionDto {
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
}

/**
 * A return states what to change. The comment is checked by the workflow library (at least two
 * characters besides blanks), which answers 400 with a sentence saying so when it is missing.
 */
export class ReturnDto extends TransitionDto {
  @IsOptional() @IsString() @MaxLength(MAX_LENGTH.comment.body) comment?: string;
}
