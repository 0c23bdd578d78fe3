/** Jest runs every test in the workspace: unit specs next to the code, database tests against
 * the real PostgreSQL prepared by scripts/test.mjs, and end-to-end and browser tests in e2e/. */
const fs = require('node:fs');
const path = require('node:path');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@dsyb/(.*)$': '<rootDir>/libs/$1/src', '^(\\.{1,2}/.*)\\.js$': '$1' },
  rootDir: __dirname,
};

/**
 * The specs beside the code that need a running service: they make a database
 * (createTestDatabase or openTestDatabase of libs/db/src/testing.ts, on TEST_PG_URL) or use the queue's Redis (TEST_REDIS_URL). They are
 * the 'db' project; 'unit' keeps the rest, which need no service and no build
 * (`npm run test:unit`). Found by what they use, wherever they are.
 */
function specsNeedingServices() {
  const found = [];
  const visit = (dir) => {
    for (const item of fs.readdirSync(path.join(__dirname, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, item.name);
      if (item.isDirectory() && !['node_modules', 'dist', 'generated'].includes(item.name) && relative !== 'apps/admin') visit(relative);
      else if (item.name.endsWith('.spec.ts') && /createTestDatabase|openTestDatabase|TEST_PG_URL|TEST_REDIS_URL/.test(fs.readFileSync(path.join(__dirname, relative), 'utf8'))) found.push(relative);
    }
  };
  ['apps', 'libs', 'seeds', 'scripts'].filter((dir) => fs.existsSync(path.join(__dirname, dir))).forEach(visit);
  return found;
}
const serviceSpecs = specsNeedingServices();
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,seeds,scripts}/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/admin/', ...serviceSpecs.map((file) => `<rootDir>/${escape(file)}$`)] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
    // The admin's pure helpers, compiled with the admin's own TypeScript settings (DOM, JSX).
    {
      ...shared,
      displayName: 'admin',
      testMatch: ['<rootDir>/apps/admin/src/**/*.spec.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/apps/admin/tsconfig.spec.json' }] },
      // react-admin's index also loads its MUI components, some of whose dependencies ship only as ES
      // modules; the helpers use what it re-exports from ra-core (HttpError, fetchUtils, hooks).
      moduleNameMapper: { ...shared.moduleNameMapper, '^react-admin$': 'ra-core' },
    },
    { ...shared, displayName: 'db', testMatch: serviceSpecs.map((file) => `<rootDir>/${file}`) },
  ],
};
