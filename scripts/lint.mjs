// `npm run lint`, also the first step of `npm test`: the house plan's boundaries
// (eslint.config.mjs): a lib imports only shared libs, an app only its own code and shared
// libs, no app imports another app; and no project has an import cycle (madge).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import madge from 'madge';
import { log, root } from './stack.mjs';

/**
 * Each project's source with the TypeScript settings it is compiled with. madge follows every
 * import, type-only and dynamic `import()` ones included, so a cycle that runs through a lazy
 * screen or a type is found too; Prisma's generated client is not ours to arrange.
 */
const CYCLE_CHECKED = [
  { dir: 'apps/admin/src', tsConfig: 'apps/admin/tsconfig.json' },
  { dir: 'apps/api/src', tsConfig: 'tsconfig.json' },
  { dir: 'apps/worker/src', tsConfig: 'tsconfig.json' },
  { dir: 'libs', tsConfig: 'tsconfig.json' },
];

/** The import cycles in the projects, each as its files in order ('a.ts > b.ts > …'). */
async function importCycles() {
  const cycles = [];
  for (const { dir, tsConfig } of CYCLE_CHECKED) {
    const graph = await madge(path.join(root, dir), {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: path.join(root, tsConfig),
      excludeRegExp: [/generated\//, /\.spec\.ts$/],
    });
    cycles.push(...graph.circular().map((files) => `${dir}: ${files.join(' > ')}`));
  }
  return cycles;
}

/** Lints apps/ and libs/; true when nothing breaks the rules, else prints each violation. */
export async function lintBoundaries() {
  const started = Date.now();
  // The boundary rule reads the project graph Nx keeps under .nx/: computed here, in this
  // process (no Nx daemon left behind), so new projects and their tags count right away.
  // Without it the rule would skip every file and find nothing.
  process.env.NX_DAEMON = 'false';
  const { createProjectGraphAsync } = createRequire(import.meta.url)('nx/src/devkit-exports');
  await createProjectGraphAsync({ exitOnError: true });

  const eslint = new ESLint({ cwd: root });
  // Nx's rule looks for a tsconfig.base.json (this workspace has tsconfig.json) when it drafts
  // the fix for a relative import across projects, and complains when it finds none: noise
  // beside the violation it reports.
  const warn = console.warn;
  console.warn = (...args) => {
    if (!args.some((arg) => String(arg).includes('tsconfig.base.json'))) warn(...args);
  };
  let results;
  let probe;
  try {
    results = await eslint.lintFiles([path.join(root, 'apps'), path.join(root, 'libs')]);
    // The rule skips every file, silently, when it cannot read the graph: a known violation,
    // linted beside the code, shows that it is checking.
    [probe] = await eslint.lintText("export { ROLES } from '../../../apps/api/src/users/user.dto';\n", { filePath: path.join(root, 'libs/domain/src/boundary-probe.ts') });
  } finally {
    console.warn = warn;
  }
  if (!probe.messages.some((message) => message.ruleId === '@nx/enforce-module-boundaries')) {
    throw new Error('边界检查没有生效：@nx/enforce-module-boundaries 放过了一个库引用应用的示例（读不到 Nx 的项目图？）');
  }
  const errors = ESLint.getErrorResults(results);
  const cycles = await importCycles();
  if (errors.length === 0 && cycles.length === 0) {
    log(`边界检查通过（${results.length} 个文件，${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    return true;
  }
  if (errors.length > 0) {
    const formatter = await eslint.loadFormatter('stylish');
    console.error(await formatter.format(errors));
  }
  for (const cycle of cycles) console.error(`循环引用：${cycle}`);
  log(
    '边界检查未通过：库（scope:shared）只能引用共享库；应用只能引用本应用的代码和共享库，不能引用其他应用' +
      '（用 @dsyb/… 引用库，不要用相对路径跨项目）；任何项目中不能有循环引用。规则见 eslint.config.mjs 和 scripts/lint.mjs。',
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await lintBoundaries()) ? 0 : 1);
