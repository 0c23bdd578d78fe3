/**
 * A title that itself names a work keeps Chinese usage when a message quotes it: the outer marks
 * are 《》 and the title's own 《》 become 〈〉 (《组织观看电影〈长津湖〉》, not 《组织观看电影《长津湖》》).
 * Against the running stack.
 */
import { randomInt } from 'node:crypto';
import { api, createTestEntry, login, transition } from './support';

const SUFFIX = String(randomInt(100_000, 999_999));

it('quotes a title holding 《长津湖》 as 《…〈长津湖〉》 in the API’s messages', async () => {
  const [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  const title = `书名号${SUFFIX}：全区组织观看电影《长津湖》`;
  const { entryId } = await createTestEntry(editor, 1970, { title, bodyHtml: '<p>原文。</p>', day: 3 });
  await transition(editor, 'entries', entryId, 'submit');
  await transition(reviewer, 'entries', entryId, 'approve');

  const refused = await api('DELETE', `/api/entries/${entryId}`, { token: editor });
  expect(refused.status).toBe(409);
  expect(refused.body.message).toBe(`条目《书名号${SUFFIX}：全区组织观看电影〈长津湖〉》已审核通过，不能删除；请先将其移出期刊。`);
});
