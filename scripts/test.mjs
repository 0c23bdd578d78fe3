// `npm test`: checks the boundaries between projects (scripts/lint.mjs), builds, prepares real PostgreSQL and Redis (the machine's own on 5432/6379 when
// they answer, private ones otherwise), starts the real stack for the end-to-end and browser
// tests, and runs every Jest test.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintBoundaries } from './lint.mjs';
import { build, log, root, startDisposableStack } from './stack.mjs';

const jestArgs = process.argv.slice(2);
const logDir = path.join(root, 'test-artifacts');
let stack;
let exitCode = 1;

process.on('SIGINT', () => (stack ? stack.stop() : Promise.resolve()).then(() => process.exit(130)));

try {
  if (!process.env.SKIP_LINT && !(await lintBoundaries())) process.exit(1);
  if (!process.env.SKIP_BUILD) build();
  stack = await startDisposableStack({ name: 'e2e', logDir });
  log(`测试环境就绪：${stack.baseUrl}`);

  const resultsFile = path.join(logDir, 'jest-results.json');
  const jest = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TEST_PG_URL: stack.postgres.url,
      TEST_REDIS_URL: stack.redis.url,
      E2E_BASE_URL: stack.baseUrl,
      E2E_DATABASE_URL: stack.databaseUrl,
      E2E_STORAGE_DIR: stack.storageDir,
      E2E_REDIS_URL: stack.redis.url,
      E2E_QUEUE_PREFIX: stack.env.QUEUE_PREFIX,
    },
  });
  exitCode = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // A suite that fails to load has no failed test of its own; count it as one.
    console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`);
  } catch {
    // Jest failed before writing results; its own output says why.
  }
} catch (error) {
  console.error(`[大事月报] 测试准备失败：${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await stack?.stop();
}
process.exit(exitCode);
