import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { UpdateMastheadDto } from './masthead.dto';
import { SettingsService } from './settings.service';

/** 刊头设置: the office's masthead (主办, 编辑出版, phone, e-mail) and paper size. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/masthead')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  get() {
    return this.settings.masthead();
  }

  @Roles('admin')
  @Put()
  update(@Body() dto: UpdateMastheadDto, @CurrentUser() user: AuthUser) {
    return this.settings.updateMasthead(dto, user);
  }
}
