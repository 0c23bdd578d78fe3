import { Prisma } from '@dsyb/db';
import { readDatabaseError } from './database-errors';

/** A database error as Prisma reports it through the pg driver adapter. */
function databaseError(prismaCode: string, cause: Record<string, unknown>, meta: Record<string, unknown> = {}) {
  return new Prisma.PrismaClientKnownRequestError(`Database error. Code: \`${String(cause.code)}\``, {
    code: prismaCode,
    clientVersion: 'test',
    meta: { modelName: 'Entry', ...meta, driverAdapterError: { name: 'DriverAdapterError', cause } },
  });
}

function refusedByDatabase(code: string, message: string, hint?: string) {
  return databaseError('P2039', { originalCode: code, originalMessage: message, kind: 'postgres', code, message, hint });
}

it('gives the user the database’s Chinese explanation when a published issue refuses a write', () => {
  const error = refusedByDatabase('ZF001', '总第97期已发布，内容已冻结，不能修改其中的条目《甲》。', '如需更正已发布的期刊，请发起勘误（新修订）。');
  expect(readDatabaseError(error)).toEqual({ kind: 'refused', message: '总第97期已发布，内容已冻结，不能修改其中的条目《甲》。如需更正已发布的期刊，请发起勘误（新修订）。' });
  expect(readDatabaseError(refusedByDatabase('ZF002', '操作记录只能追加，不能修改、删除或清空。'))).toEqual({ kind: 'refused', message: '操作记录只能追加，不能修改、删除或清空。' });
});

it('never passes on the text of other database errors', () => {
  expect(readDatabaseError(refusedByDatabase('42P01', 'relation "secret_table" does not exist'))).toBeUndefined();
  expect(readDatabaseError(new Error('ZF001 总第97期已发布'))).toBeUndefined();
});

it('tells unique and foreign-key violations, missing records and lost concurrent writes apart', () => {
  expect(readDatabaseError(databaseError('P2002', { kind: 'UniqueConstraintViolation', constraint: { fields: ['username'] } }))).toEqual({ kind: 'unique', fields: ['username'] });
  expect(readDatabaseError(databaseError('P2002', { kind: 'UniqueConstraintViolation', constraint: { index: 'users_username_key' } }, { target: ['username'] }))).toEqual({ kind: 'unique', fields: ['username'] });
  expect(readDatabaseError(databaseError('P2003', { kind: 'ForeignKeyConstraintViolation' }))).toEqual({ kind: 'foreign_key' });
  expect(readDatabaseError(databaseError('P2010', { kind: 'postgres', code: '23503' }))).toEqual({ kind: 'foreign_key' });
  expect(readDatabaseError(databaseError('P2025', {}))).toEqual({ kind: 'not_found' });
  expect(readDatabaseError(databaseError('P2034', { kind: 'TransactionWriteConflict' }))).toEqual({ kind: 'write_conflict' });
});

it('tells a database that does not answer from every other error', () => {
  expect(readDatabaseError(databaseError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toEqual({ kind: 'unreachable' });
  expect(readDatabaseError(databaseError('P2010', { kind: 'ConnectionClosed' }))).toEqual({ kind: 'unreachable' });
});
