import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/** `applicationName` names the process's connections in pg_stat_activity (which process holds them, as which role). */
export function createPrismaClient(databaseUrl: string, applicationName?: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, application_name: applicationName }) });
}
