import { IsIn, IsOptional, IsString } from 'class-validator';
import { STATISTICS_SCOPES, type StatisticsScope } from '@dsyb/contracts';

/** The range and scope of 用稿统计 (statistics-range.ts reads the dates). */
export class StatisticsQueryDto {
  /** 2020, 2020-10 or 2020-10-15; default: 1 January of to's year, or of this year. */
  @IsOptional() @IsString() from?: string;
  /** 2020, 2020-10 or 2020-10-15, included; default: 31 December of from's year, or of this year. */
  @IsOptional() @IsString() to?: string;
  @IsOptional() @IsIn(STATISTICS_SCOPES) status?: StatisticsScope;
}
