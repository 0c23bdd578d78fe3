/** Jest runs every test in the workspace: unit specs next to the code, database tests against
 * the real PostgreSQL prepared by scripts/test.mjs, and end-to-end and browser tests in e2e/. */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@dsyb/(.*)$': '<rootDir>/libs/$1/src', '^(\\.{1,2}/.*)\\.js$': '$1' },
  rootDir: __dirname,
};
/**
 * The tests that need PostgreSQL (TEST_PG_URL; each makes its own migrated database) are the
 * 'db' project; 'unit' keeps those that need no service and no build (`npm run test:unit`).
 */
const databaseTests = { match: ['<rootDir>/libs/db/src/**/*.spec.ts', '<rootDir>/seeds/seed.spec.ts'], paths: ['<rootDir>/libs/db/src/', '<rootDir>/seeds/seed\\.spec\\.ts$'] };
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,seeds,scripts}/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/admin/', ...databaseTests.paths] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
    { ...shared, displayName: 'db', testMatch: databaseTests.match },
  ],
};
