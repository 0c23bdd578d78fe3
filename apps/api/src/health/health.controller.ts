import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 only when PostgreSQL and Redis both answer; otherwise 503 with the same body, saying which is down. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response) {
    const body = await this.health.check();
    if (body.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
