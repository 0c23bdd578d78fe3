import { Injectable } from '@nestjs/common';
import type { Statistics, StatisticsScope } from '@dsyb/contracts';
import { PrismaService } from '../prisma/prisma.service';
import { countStatistics } from './statistics-counts';
import type { StatisticsRange } from './statistics-range';

/** 用稿统计 over the API's database (statistics-counts.ts holds the counting). */
@Injectable()
export class StatisticsService {
  constructor(private readonly prisma: PrismaService) {}

  count(range: StatisticsRange, status: StatisticsScope): Promise<Statistics> {
    return countStatistics(this.prisma, range, status);
  }
}
