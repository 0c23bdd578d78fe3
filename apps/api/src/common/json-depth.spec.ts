import { MAX_JSON_DEPTH, nestsDeeperThan, refuseDeeplyNestedJson, RefusedBodyError } from './json-depth';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const request = {} as Parameters<typeof refuseDeeplyNestedJson>[0];
const response = {} as Parameters<typeof refuseDeeplyNestedJson>[1];

it('counts the nesting of objects and arrays, not brackets in strings', () => {
  expect(nestsDeeperThan(Buffer.from(nested(64)), 64)).toBe(false);
  expect(nestsDeeperThan(Buffer.from(nested(65)), 64)).toBe(true);
  expect(nestsDeeperThan(Buffer.from(`[${'['.repeat(3)}]]]]`), 3)).toBe(true);
  expect(nestsDeeperThan(Buffer.from(JSON.stringify({ text: '[[[[{{{{\\"[[[[', list: [[1]] })), 3)).toBe(false);
  expect(nestsDeeperThan(Buffer.from(JSON.stringify({ title: '【第一期】《大事月报》{x}' })), 1)).toBe(false);
});

it('refuses a body nested too deep with a 400 in Chinese, a million levels in milliseconds', () => {
  const deep = Buffer.from('['.repeat(1_000_000) + ']'.repeat(1_000_000));
  const started = performance.now();
  let refusal: unknown;
  try {
    refuseDeeplyNestedJson(request, response, deep, 'utf-8');
  } catch (error) {
    refusal = error;
  }
  expect(performance.now() - started).toBeLessThan(100);
  expect(refusal).toBeInstanceOf(RefusedBodyError);
  expect((refusal as RefusedBodyError).status).toBe(400);
  expect((refusal as RefusedBodyError).message).toBe(`请求内容嵌套过深：对象和数组最多嵌套 ${MAX_JSON_DEPTH} 层`);
  expect(() => refuseDeeplyNestedJson(request, response, Buffer.from(nested(10)), 'utf-8')).not.toThrow();
});

it('reads UTF-16 bodies as characters, whose bytes may look like brackets', () => {
  // 笀 is U+7B00: in UTF-16LE its second byte is "{".
  expect(() => refuseDeeplyNestedJson(request, response, Buffer.from(JSON.stringify({ t: '笀'.repeat(100) }), 'utf16le'), 'utf-16le')).not.toThrow();
  expect(() => refuseDeeplyNestedJson(request, response, Buffer.from(nested(100), 'utf16le'), 'utf-16le')).toThrow(RefusedBodyError);
});
