import { detailsWithoutServerPaths, withoutServerPaths } from './server-paths';

it('takes absolute paths, file URLs and stack frames out of a message', () => {
  expect(withoutServerPaths("ENOENT: no such file or directory, open '/work/main/.data/renditions/issues/x/proof.pdf'")).toBe(
    "ENOENT: no such file or directory, open '（路径已隐去）'",
  );
  expect(withoutServerPaths('读取失败：/var/lib/dsyb/a.pdf')).toBe('读取失败：（路径已隐去）');
  expect(withoutServerPaths('at file:///srv/app/main.js')).toBe('at （路径已隐去）');
  expect(withoutServerPaths('C:\\dsyb\\data\\a.pdf 不存在')).toBe('（路径已隐去） 不存在');
  expect(withoutServerPaths('出错了\n    at Object.<anonymous> (/srv/app/main.js:1:1)\n    at next (x.js:2:2)')).toBe('出错了');
  expect(detailsWithoutServerPaths({ cause: 'open /tmp/x/y', currentVersion: 3, list: ['/a/b/c'] })).toEqual({ cause: 'open （路径已隐去）', currentVersion: 3, list: ['（路径已隐去）'] });
});

it('leaves the slashes a user wrote or may read alone', () => {
  for (const text of ['接口不存在：GET /api/entries/x', '文/图 张三', '2020/10/15', '见 https://example.org/a/b', '参数 range 应为 [起, 止]', '总第1期/第2版']) {
    expect(withoutServerPaths(text)).toBe(text);
  }
});
