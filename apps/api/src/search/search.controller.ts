import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_KINDS, type DocumentKind, type SearchFilter } from '@dsyb/search';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { monthBound } from '../common/date-bound';
import { invalid } from '../common/domain-errors';
import { contentRange, parseListQuery, type ListQueryInput, type ListSpec } from '../common/list-query';
import { IdParam } from '../common/validation';
import { CreateSearchTermDto, DuplicateQueryDto, UpdateSearchTermDto } from './search.dto';
import { SEARCH_TERM_LIST, SearchTermsService } from './search-terms.service';
import { SearchService } from './search.service';

const SEARCH_LIST: ListSpec = {
  sortable: ['rank'],
  defaultSort: ['rank', 'desc'],
  filters: { q: 'string', kind: 'string', sectionId: 'ids', issueId: 'ids', contributorId: 'ids', status: 'string', from: 'string', to: 'string' },
};

interface SearchFilterInput { q: string; kind: string | string[]; sectionId: string | string[]; issueId: string | string[]; contributorId: string | string[]; status: string | string[]; from: string; to: string }

const list = (value: string | string[] | undefined) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]));

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /**
   * Entries, source articles and issues together, best first. `q`: words (all must match),
   * "a phrase", -word to leave out. Content-Range `search a-b/total`.
   */
  @Get()
  async find(@Query() input: ListQueryInput & { q?: unknown }, @Res({ passthrough: true }) response: Response) {
    const { q: rawQ, ...listInput } = input;
    if (rawQ !== undefined && typeof rawQ !== 'string') throw invalid('参数 q 只能出现一次');
    const query = parseListQuery<SearchFilterInput>(listInput, SEARCH_LIST);
    const kinds = list(query.filter.kind)?.flatMap((kind) => kind.split(','));
    const unknownKind = kinds?.find((kind) => !DOCUMENT_KINDS.includes(kind as DocumentKind));
    if (unknownKind !== undefined) throw invalid(`参数 filter 的字段 kind 取值无效：${unknownKind}（可用：${DOCUMENT_KINDS.join('、')}）`);
    const filter: SearchFilter = {
      kinds: kinds as DocumentKind[] | undefined,
      sectionIds: list(query.filter.sectionId),
      issueIds: list(query.filter.issueId),
      contributorIds: list(query.filter.contributorId),
      statuses: list(query.filter.status),
      from: monthBound(query.filter.from, false, '参数 filter 的字段 from'),
      to: monthBound(query.filter.to, true, '参数 filter 的字段 to'),
    };
    if (filter.from && filter.to && filter.from > filter.to) throw invalid('参数 filter 的 from 晚于 to');
    const { results, total, capped } = await this.search.search(rawQ ?? query.filter.q, filter, { offset: query.skip, limit: query.take });
    response.setHeader('Content-Range', contentRange('search', query, results.length, total));
    // More matches than were counted (COUNT_LIMIT a kind): the total is a lower bound.
    if (capped) response.setHeader('X-Total-Capped', 'true');
    return results;
  }

  /** Entries that may already record this event (the entry form, the source import). */
  @Post('duplicates')
  @HttpCode(200)
  duplicates(@Body() dto: DuplicateQueryDto) {
    return this.search.duplicates(dto);
  }
}

@ApiTags('search')
@ApiBearerAuth()
@Controller('search-terms')
export class SearchTermsController {
  constructor(private readonly terms: SearchTermsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, SEARCH_TERM_LIST);
    const { rows, total } = await this.terms.list(query);
    response.setHeader('Content-Range', contentRange('search-terms', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.terms.get(id);
  }

  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateSearchTermDto, @CurrentUser() user: AuthUser) {
    return this.terms.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateSearchTermDto, @CurrentUser() user: AuthUser) {
    return this.terms.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.terms.remove(id, user);
  }
}
