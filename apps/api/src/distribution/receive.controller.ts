import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { download } from '../common/download';
import { ConfirmReceiptDto } from './distribution.dto';
import { ReceiveService } from './receive.service';
import { ReceiveThrottleService } from './receive-throttle.service';
import { ClientAddress } from './request-origin';

/**
 * A unit's link, without a staff account. Rate-limited per address; a token that opens nothing
 * counts against the address, and an unknown token answers exactly like a malformed one.
 */
@ApiTags('receive')
@Public()
@Controller('receive/:token')
export class ReceiveController {
  constructor(private readonly receive: ReceiveService, private readonly throttle: ReceiveThrottleService) {}

  @Get()
  view(@Param('token') token: string, @ClientAddress() ip: string | undefined) {
    return this.guarded(ip, () => this.receive.view(token, ip));
  }

  @Get('file')
  file(@Param('token') token: string, @ClientAddress() ip: string | undefined) {
    return this.guarded(ip, async () => pdf(await this.receive.file(token, false, ip)));
  }

  /** The copy that replaced this one after a correction. */
  @Get('current/file')
  currentFile(@Param('token') token: string, @ClientAddress() ip: string | undefined) {
    return this.guarded(ip, async () => pdf(await this.receive.file(token, true, ip)));
  }

  @Post('confirm')
  @HttpCode(200)
  confirm(@Param('token') token: string, @Body() dto: ConfirmReceiptDto, @ClientAddress() ip: string | undefined) {
    return this.guarded(ip, () => this.receive.confirm(token, dto.name, ip));
  }

  private async guarded<T>(ip: string | undefined, action: () => Promise<T>): Promise<T> {
    await this.throttle.request(ip);
    try {
      return await action();
    } catch (error) {
      const status = (error as { code?: string }).code;
      if (status === 'not_found' || status === 'gone') await this.throttle.miss(ip);
      throw error;
    }
  }
}

const pdf = ({ content, filename }: { content: Buffer; filename: string }) => download(content, 'application/pdf', filename);
