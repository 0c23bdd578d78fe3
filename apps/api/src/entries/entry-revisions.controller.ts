import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { IdParam } from '../common/validation';
import { EntryRevisionsService } from './entry-revisions.service';
import { PG_INT_MAX } from '../common/integer-range';

export class RestoreRevisionDto {
  /** The saved version to bring back. */
  @IsInt() @Min(1) @Max(PG_INT_MAX) revision!: number;
  /** The entry version the client read; a stale restore is refused with 409 like any save. */
  @IsInt() @Min(1) @Max(PG_INT_MAX) version!: number;
}

/** Every saved version of an entry (who, when, what), and restoring one as a new version. */
@ApiTags('entries')
@ApiBearerAuth()
@Controller('entries/:id/revisions')
export class EntryRevisionsController {
  constructor(private readonly revisions: EntryRevisionsService) {}

  @Get()
  list(@Param('id', IdParam) entryId: string) {
    return this.revisions.list(entryId);
  }

  @Roles('admin', 'editor')
  @Post('restore')
  restore(@Param('id', IdParam) entryId: string, @Body() dto: RestoreRevisionDto, @CurrentUser() user: AuthUser) {
    return this.revisions.restore(entryId, dto.revision, dto.version, user);
  }
}
