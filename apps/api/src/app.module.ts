import { createSecretKey } from 'node:crypto';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { redisProducerOptions } from '@dsyb/domain';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { AuditEventsController } from './audit/audit-events.controller';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { HttpErrorFilter } from './common/http-error.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ContributorsModule } from './contributors/contributors.module';
import { DistributionModule } from './distribution/distribution.module';
import { EntriesModule } from './entries/entries.module';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { IssuesModule } from './issues/issues.module';
import { AnnualVolumesModule } from './annual-volumes/annual-volumes.module';
import { PrismaService } from './prisma/prisma.service';
import { RecipientsModule } from './recipients/recipients.module';
import { RenditionsModule } from './renditions/renditions.module';
import { SectionsModule } from './sections/sections.module';
import { SourceImportsModule } from './source-imports/source-imports.module';
import { SearchModule } from './search/search.module';
import { SearchService } from './search/search.service';
import { SourcesModule } from './sources/sources.module';
import { StatisticsModule } from './statistics/statistics.module';
import { UsersModule } from './users/users.module';

/** Shared singletons every feature module may inject. */
@Global()
@Module({})
class CoreModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, PrismaService, AuditService, SearchService],
      exports: [APP_CONFIG, PrismaService, AuditService, SearchService],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forConfig(config),
        // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a public key on every request before treating it as a secret.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { expiresIn: config.tokenTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        // Producers only: a queue call fails fast while Redis is away (common/queue-timeout.ts).
        BullModule.forRoot({ connection: redisProducerOptions(config.redisUrl), prefix: config.queuePrefix }),
        IssuesModule,
        AnnualVolumesModule,
        SectionsModule,
        EntriesModule,
        SourcesModule,
        SourceImportsModule,
        ContributorsModule,
        RecipientsModule,
        UsersModule,
        RenditionsModule,
        DistributionModule,
        SearchModule,
        StatisticsModule,
      ],
      controllers: [AuthController, HealthController, SettingsController, AuditEventsController],
      providers: [
        AuthService,
        LoginThrottleService,
        HealthService,
        SettingsService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
