// The house plan's boundaries, checked by `npm run lint` (and first thing in `npm test`):
// which project may import which (from the `scope:*` tags in each project.json). Import cycles
// are found by madge (scripts/lint.mjs). Only these rules run: formatting and style are left to review.
import nx from '@nx/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

// A lib is shared code: it uses only other shared libs. An app uses its own code and the shared
// libs, never another app (the rule refuses imports of any application outright). A new lib
// tagged scope:shared is covered without a change here; a project without a tag may import no
// project at all.
const BOUNDARIES = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:worker', 'scope:shared'] },
    { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
  ],
};

export default [
  { ignores: ['**/node_modules/**', 'dist/**', '.data/**', '.nx/**', 'test-artifacts/**', 'libs/db/src/generated/**'] },
  {
    files: ['{apps,libs}/**/*.{ts,tsx,mts}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    // A comment in the code cannot switch these rules off.
    linterOptions: { noInlineConfig: true },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', BOUNDARIES],
    },
  },
  {
    // A spec may use a lib's test helpers (libs/<lib>/src/testing.ts, libs/<lib>/testing/) by
    // their path: they are kept out of the lib's entry, which production code imports.
    files: ['{apps,libs}/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...BOUNDARIES, allow: ['^(\\.\\./)+libs/[^/]+/(src/)?testing(/|$)'] }],
    },
  },
];
