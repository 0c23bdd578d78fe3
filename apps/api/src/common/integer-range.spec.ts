import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every .ts file of the API but its specs. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(dir, item.name);
    if (item.isDirectory()) return sources(file);
    return item.name.endsWith('.ts') && !item.name.endsWith('.spec.ts') ? [file] : [];
  });
}

it('bounds every whole number a DTO accepts, so none reaches PostgreSQL beyond its integer', () => {
  const root = path.resolve(__dirname, '..');
  const unbounded = sources(root).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, index) => ({ line: line.trim(), where: `${path.relative(root, file)}:${index + 1}` }))
      .filter(({ line }) => !/^(\*|\/\/|\/\*)/.test(line) && line.includes('@IsInt(') && !line.includes('@Max(')),
  );
  expect(unbounded).toEqual([]);
});
