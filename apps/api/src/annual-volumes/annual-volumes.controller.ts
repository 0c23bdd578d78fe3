import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { download, WORD_DOCUMENT_TYPE } from '../common/download';
import { contentRange, ListQueryInput, parseListQuery } from '../common/list-query';
import { ReturnDto, TransitionDto } from '../common/transition.dto';
import { IdParam } from '../common/validation';
import { RequestRenditionDto } from '../issues/issue.dto';
import { RenditionsService } from '../renditions/renditions.service';
import { CreateAnnualVolumeDto, UpdateAnnualVolumeDto } from './annual-volume.dto';
import { AnnualVolumesService, VOLUME_LIST, type VolumeTransition } from './annual-volumes.service';

/**
 * 年度大事记: compiled from the year's published issues (POST), recompiled after corrections,
 * edited, reviewed and published with the rules, rendered like an issue. Who may do what
 * in which state is the workflow library's decision in the service (403/409 with the reason).
 */
@ApiTags('annual-volumes')
@ApiBearerAuth()
@Controller('annual-volumes')
export class AnnualVolumesController {
  constructor(private readonly volumes: AnnualVolumesService, private readonly renditions: RenditionsService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery(input, VOLUME_LIST);
    const { rows, total } = await this.volumes.list(query);
    response.setHeader('Content-Range', contentRange('annual-volumes', query, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.volumes.get(id);
  }

  /** 导出 Word (any role): the publication of a published volume, else the volume as a proof would print it now. */
  @Get(':id/export.docx')
  async exportDocx(@Param('id', IdParam) id: string) {
    const { content, filename } = await this.volumes.docx(id);
    return download(content, WORD_DOCUMENT_TYPE, filename);
  }

  /** 编纂: 201 with the volume and what the compilation found. */
  @Roles('admin', 'editor')
  @Post()
  create(@Body() dto: CreateAnnualVolumeDto, @CurrentUser() user: AuthUser) {
    return this.volumes.create(dto, user);
  }

  @Roles('admin', 'editor')
  @Put(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateAnnualVolumeDto, @CurrentUser() user: AuthUser) {
    return this.volumes.update(id, dto, user);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  remove(@Param('id', IdParam) id: string, @CurrentUser() user: AuthUser) {
    return this.volumes.remove(id, user);
  }

  /** 重新编纂: new events added, changed ones offered to take or keep. */
  @Post(':id/recompile')
  @HttpCode(200)
  recompile(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.volumes.recompile(id, dto.version, user);
  }

  @Post(':id/submit-review')
  @HttpCode(200)
  submitReview(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.transition(id, 'submit_review', dto, user);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  signOff(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.transition(id, 'sign_off', dto, user);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@Param('id', IdParam) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser) {
    return this.transition(id, 'publish', dto, user);
  }

  @Post(':id/return')
  @HttpCode(200)
  returnVolume(@Param('id', IdParam) id: string, @Body() dto: ReturnDto, @CurrentUser() user: AuthUser) {
    return this.transition(id, 'return', dto, user);
  }

  @Get(':id/history')
  history(@Param('id', IdParam) id: string) {
    return this.volumes.history(id);
  }

  /** 202: the rendition is queued (or already exists for this content); poll GET /api/renditions/:id. */
  @Post(':id/renditions')
  @HttpCode(202)
  async render(@Param('id', IdParam) id: string, @Body() dto: RequestRenditionDto, @CurrentUser() user: AuthUser) {
    const { rendition } = await this.renditions.requestVolume(id, dto.kind ?? 'proof', user);
    return rendition;
  }

  private transition(id: string, action: VolumeTransition, dto: ReturnDto, user: AuthUser) {
    return this.volumes.transition(id, action, dto, user);
  }
}
