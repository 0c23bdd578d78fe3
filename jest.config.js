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
  ],
};
