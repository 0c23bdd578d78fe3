import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

/**
 * 送审 and 签发 of an issue (and 提交 of an entry) are held back with 409 when entries are dated
 * outside the coverage; the same request with `confirmOutOfPeriod: true` says the editor
 * has seen the list and carries them on purpose (offices do carry late events).
 */
export class ConfirmedTransitionDto extends TransitionDto {
  @IsOptional() @IsBoolean() confirmOutOfPeriod?: boolean;
}
