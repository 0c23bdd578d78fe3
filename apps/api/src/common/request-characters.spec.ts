import { DomainError } from './domain-errors';
import { describeForbiddenCharacter, findForbiddenCharacter, refuseForbiddenCharacters } from './request-characters';

it('finds NUL, other C0 controls and lone surrogates, and names where they are', () => {
  expect(findForbiddenCharacter({ username: 'ed\u0000itor' })).toEqual({ path: 'username', codePoint: 'U+0000', kind: 'control' });
  expect(findForbiddenCharacter({ contributors: [{ role: 'x' }, { role: 'r\u001b' }] })?.path).toBe('contributors.1.role');
  expect(findForbiddenCharacter({ title: '\uDC00中' })).toEqual({ path: 'title', codePoint: 'U+DC00', kind: 'surrogate' });
  expect(findForbiddenCharacter({ title: '中\uD800' })?.codePoint).toBe('U+D800');
  expect(findForbiddenCharacter({ ['a\u0000']: 1 })?.kind).toBe('control');
  expect(findForbiddenCharacter('\u000b', 'id')?.path).toBe('id');
});

it('lets tab, line feed, carriage return, characters beyond the BMP and buffers through', () => {
  const body = Object.assign(Object.create(null) as object, { text: '第一段\t\n第二段\r\n𠀀🀄', file: { buffer: Buffer.from([0, 1, 2]) }, n: 1, b: true, z: null });
  expect(findForbiddenCharacter(body)).toBeUndefined();
});

it('says in Chinese which field holds what', () => {
  expect(describeForbiddenCharacter({ path: 'username', codePoint: 'U+0000', kind: 'control' })).toBe('字段 username 含有不允许的控制字符（U+0000，空字符）');
  expect(describeForbiddenCharacter({ path: 'q', codePoint: 'U+D800', kind: 'surrogate' }, '参数')).toContain('参数 q 含有无效的字符');
  try {
    refuseForbiddenCharacters({ title: 'x\u0007' });
    throw new Error('expected a refusal');
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    expect((error as DomainError).message).toBe('字段 title 含有不允许的控制字符（U+0007）');
  }
});
