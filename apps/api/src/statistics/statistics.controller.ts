import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { officeIsoDate } from '@dsyb/domain';
import { download } from '../common/download';
import { StatisticsQueryDto } from './statistics.dto';
import { statisticsRange } from './statistics-range';
import { buildStatisticsXlsx, statisticsFilename, XLSX_TYPE } from './statistics-xlsx';
import { StatisticsService } from './statistics.service';

/** 用稿统计: anyone signed in may read it (the guard's default). */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /** The counts as JSON (the admin's 统计 page). */
  @Get()
  count(@Query() query: StatisticsQueryDto) {
    return this.statistics.count(statisticsRange(query, officeIsoDate(new Date())), query.status ?? 'published');
  }

  /** The same counts as an Excel workbook of four sheets. */
  @Get('export.xlsx')
  async export(@Query() query: StatisticsQueryDto) {
    const statistics = await this.count(query);
    return download(await buildStatisticsXlsx(statistics), XLSX_TYPE, statisticsFilename(statistics));
  }
}
