import { Prisma } from '@dsyb/db';
import { databaseRefusal } from './database-errors';

/** A write refused by the database, as Prisma's pg adapter reports it. */
function refusedByDatabase(code: string, message: string, hint?: string) {
  return new Prisma.PrismaClientKnownRequestError(`Database error. Code: \`${code}\`. Message: \`${message}\``, {
    code: 'P2039',
    clientVersion: 'test',
    meta: { modelName: 'Entry', driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: code, originalMessage: message, kind: 'postgres', code, message, hint } } },
  });
}

it('gives the user the database’s Chinese explanation when a published issue refuses a write', () => {
  const error = refusedByDatabase('ZF001', '总第97期已发布，内容已冻结，不能修改其中的条目《甲》。', '如需更正已发布的期刊，请发起勘误（新修订）。');
  expect(databaseRefusal(error)).toBe('总第97期已发布，内容已冻结，不能修改其中的条目《甲》。如需更正已发布的期刊，请发起勘误（新修订）。');
  expect(databaseRefusal(refusedByDatabase('ZF002', '操作记录只能追加，不能修改、删除或清空。'))).toBe('操作记录只能追加，不能修改、删除或清空。');
});

it('never passes on the text of other database errors', () => {
  expect(databaseRefusal(refusedByDatabase('42P01', 'relation "secret_table" does not exist'))).toBeUndefined();
  expect(databaseRefusal(new Error('ZF001 总第97期已发布'))).toBeUndefined();
});
