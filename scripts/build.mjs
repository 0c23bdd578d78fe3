// `npm run build`: Prisma client, TypeScript (api, worker, libs, seeds) and the admin bundle.
import { build } from './stack.mjs';

build({ admin: !process.argv.includes('--no-admin') });
