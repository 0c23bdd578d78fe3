import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 only when PostgreSQL and Redis both answer. */
  @Public()
  @Get()
  async check() {
    const body = await this.health.check();
    if (body.status !== 'ok') throw new ServiceUnavailableException({ message: '服务暂不可用', ...body });
    return body;
  }
}
