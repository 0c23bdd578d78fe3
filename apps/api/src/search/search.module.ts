import { Module } from '@nestjs/common';
import { SearchController, SearchTermsController } from './search.controller';
import { SearchTermsService } from './search-terms.service';

/** GET /api/search, the duplicate finder and the district dictionary; SearchService itself is a core singleton (app.module.ts). */
@Module({ controllers: [SearchController, SearchTermsController], providers: [SearchTermsService] })
export class SearchModule {}
