import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { UpdateDeliverySettingsDto } from './delivery-settings.dto';
import { DeliverySettingsService } from './delivery-settings.service';

/** 分发设置: the office's SMTP server, the public address of units' links, link expiry and the overdue threshold. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/delivery')
export class DeliverySettingsController {
  constructor(private readonly settings: DeliverySettingsService) {}

  @Get()
  get() {
    return this.settings.get();
  }

  @Roles('admin')
  @Put()
  update(@Body() dto: UpdateDeliverySettingsDto, @CurrentUser() user: AuthUser) {
    return this.settings.update(dto, user);
  }
}
