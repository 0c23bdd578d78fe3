/** Jest runs every test in the workspace: unit specs next to the code, database and queue
 * tests against the real services prepared by scripts/test.mjs, and browser tests in e2e/. */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@dsyb/(.*)$': '<rootDir>/libs/$1/src', '^(\\.{1,2}/.*)\\.js$': '$1' },
  rootDir: __dirname,
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,seeds,scripts}/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/admin/'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
  ],
};
