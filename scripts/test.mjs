// `npm test`: checks the boundaries between projects (scripts/lint.mjs), builds, prepares real
// PostgreSQL and Redis (the machine's own on 5432/6379 when they answer, private ones
// otherwise), starts the real stack for the end-to-end and browser tests, and runs every Jest
// test.
// `npm run test:unit` (`--unit`): only the Jest projects that need no service and no build.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintBoundaries } from './lint.mjs';
import { build, generatePrismaClient, log, root, startDisposableStack } from './stack.mjs';

/** The Jest projects of jest.config.js whose tests need no running service and no build. */
const SERVICE_FREE_PROJECTS = ['unit', 'admin'];

const unitOnly = process.argv[2] === '--unit';
const jestArgs = process.argv.slice(unitOnly ? 3 : 2);
const logDir = path.join(root, 'test-artifacts');
let stack;
let exitCode = 1;

process.on('SIGINT', () => (stack ? stack.stop() : Promise.resolve()).then(() => process.exit(130)));

/** Runs Jest with `args` and `env` added to this process's; resolves to its exit code. */
async function runJest(args, env = {}) {
  mkdirSync(logDir, { recursive: true });
  const resultsFile = path.join(logDir, unitOnly ? 'jest-unit-results.json' : 'jest-results.json');
  const jest = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${resultsFile}`, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const code = await new Promise((resolve) => jest.on('exit', (status) => resolve(status ?? 1)));
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // A suite that fails to load has no failed test of its own; count it as one.
    console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`);
  } catch {
    // Jest failed before writing results; its own output says why.
  }
  return code;
}

try {
  if (unitOnly) {
    // The code under test imports the Prisma client's types and errors, never a database.
    generatePrismaClient();
    // Last: the option takes every word after it as a project name.
    exitCode = await runJest([...jestArgs, '--selectProjects', ...SERVICE_FREE_PROJECTS]);
  } else if (!process.env.SKIP_LINT && !(await lintBoundaries())) {
    exitCode = 1;
  } else {
    if (!process.env.SKIP_BUILD) build();
    stack = await startDisposableStack({ name: 'e2e', logDir });
    log(`测试环境就绪：${stack.baseUrl}`);
    exitCode = await runJest(jestArgs, {
      TEST_PG_URL: stack.postgres.url,
      TEST_REDIS_URL: stack.redis.url,
      E2E_BASE_URL: stack.baseUrl,
      // The owner's, for a test's own setup; the application role's, as the API and worker connect.
      E2E_DATABASE_URL: stack.databaseUrl,
      E2E_APP_DATABASE_URL: stack.appDatabaseUrl,
      E2E_STORAGE_DIR: stack.storageDir,
      E2E_REDIS_URL: stack.redis.url,
      E2E_QUEUE_PREFIX: stack.env.QUEUE_PREFIX,
      // For tokens a test signs itself (e2e/login.e2e-spec.ts: correctly signed, malformed subject).
      E2E_JWT_SECRET: stack.env.JWT_SECRET,
    });
  }
} catch (error) {
  console.error(`[大事月报] 测试准备失败：${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await stack?.stop();
}
process.exit(exitCode);
