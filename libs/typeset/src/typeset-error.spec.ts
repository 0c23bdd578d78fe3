import type { EntrySnapshot } from '@dsyb/domain';
import { entry, sampleIssue, section } from '../testing/sample-issues';
import { typesetFailure } from '../testing/typeset-failure';
import { renderIssuePdf } from './index';
import { typesetErrorFromDiagnostics } from './typst-diagnostics';

const failure = typesetFailure;

/** Snapshots arrive as JSON from the queue: at runtime an entry can be anything. */
const issueWith = (bad: unknown) =>
  sampleIssue({
    sections: [
      section('focus', '本期焦点', [
        entry('good-1', '正常条目', ['9月1日，一切正常。']),
        bad as EntrySnapshot,
        entry('good-2', '另一个正常条目', ['正文。']),
      ]),
    ],
  });

describe('failures the template detects (real Typst diagnostics)', () => {
  it('names the entry whose paragraph is not text', () => {
    const error = failure(() => renderIssuePdf(issueWith({ id: 'bad-1', title: '坏条目', paragraphs: ['第一段', 42] })));
    expect(error.message).toBe('条目《坏条目》排版失败：第2段不是文本');
    expect(error.entryId).toBe('bad-1');
    expect(error.entryTitle).toBe('坏条目');
    expect(error.diagnostics[0].message).toContain('assertion failed');
  });

  it('names the entry by id when its title is unusable', () => {
    const error = failure(() => renderIssuePdf(issueWith({ id: 'bad-2', title: null, paragraphs: ['正文'] })));
    expect(error.message).toBe('条目（ID bad-2）排版失败：标题不是文本');
    expect(error.entryId).toBe('bad-2');
    expect(error.entryTitle).toBeUndefined();
  });

  it('names the entry whose body is missing', () => {
    const error = failure(() => renderIssuePdf(issueWith({ id: 'bad-3', title: '没有正文' })));
    expect(error.message).toBe('条目《没有正文》排版失败：正文不是段落列表');
    expect(error.entryId).toBe('bad-3');
  });

  it('names the entry whose title is blank', () => {
    const error = failure(() => renderIssuePdf(issueWith({ id: 'bad-4', title: ' \n　', paragraphs: ['正文'] })));
    expect(error.entryId).toBe('bad-4');
    expect(error.message).toBe('条目（ID bad-4）排版失败：标题为空');
  });

  it('reports a compiler error that concerns no entry without naming one', () => {
    const error = failure(() => renderIssuePdf(sampleIssue(), { paper: 'b99' }));
    expect(error.message).toBe('纸张规格无效：b99（Typst 没有这个纸张名称）');
    expect(error.entryId).toBeUndefined();
    expect(error.diagnostics.length).toBeGreaterThan(0);
  });

  it('keeps working after a failure', () => {
    failure(() => renderIssuePdf(issueWith({ id: 'bad-1', title: '坏条目', paragraphs: [42] })));
    const ok = renderIssuePdf(issueWith(entry('fixed', '修好的条目', ['正文。'])));
    expect(ok.pages).toBeGreaterThan(2);
  });
});

describe('failures found before compiling', () => {
  it('names the entry with characters the bundled fonts cannot print', () => {
    const error = failure(() => renderIssuePdf(issueWith(entry('emoji', '表情条目', ['庆祝活动圆满成功😀']))));
    expect(error.entryId).toBe('emoji');
    expect(error.message).toBe('条目《表情条目》排版失败：正文含有字体无法显示的字符：“😀”（U+1F600）');
  });

  it('rejects broken strings (lone surrogates) instead of printing garbage', () => {
    const error = failure(() => renderIssuePdf(issueWith(entry('broken', '残缺\ud800', ['正文。']))));
    expect(error.entryId).toBe('broken');
    expect(error.message).toContain('无效字符（U+D800）');
  });

  it('rejects unusable settings and issue fields', () => {
    expect(failure(() => renderIssuePdf(sampleIssue(), { paper: 'a4"); #read("x' })).message).toContain('纸张规格无效');
    expect(failure(() => renderIssuePdf(sampleIssue(), { margins: { top: -1 } })).message).toContain('页边距无效');
    expect(failure(() => renderIssuePdf(sampleIssue(), { margins: { left: 20, inside: 20 } })).message).toContain('页边距');
    expect(failure(() => renderIssuePdf(sampleIssue({ publicationDate: '2021-02-30' }))).message).toContain('出版日期无效');
    expect(failure(() => renderIssuePdf(sampleIssue({ month: 13 }))).message).toContain('月份无效');
    expect(failure(() => renderIssuePdf(sampleIssue({ kind: 'proof', renderedAt: 'gestern' }))).message).toContain('排版时间无效');
  });
});

describe('typesetErrorFromDiagnostics', () => {
  const entries = [{ id: 'a', title: '甲' }, { id: 'b', title: '乙' }];

  it('maps the entry marker to the entry', () => {
    const error = typesetErrorFromDiagnostics([{ message: 'assertion failed: ⟦entry:1⟧第3段不是文本', severity: 1 }], entries);
    expect(error).toMatchObject({ entryId: 'b', entryTitle: '乙', message: '条目《乙》排版失败：第3段不是文本' });
  });

  it('ignores warnings and markers that point nowhere', () => {
    const error = typesetErrorFromDiagnostics(
      [
        { message: '⟦entry:0⟧ only a warning', severity: 2 },
        { message: 'assertion failed: ⟦entry:9⟧不存在', severity: 1 },
      ],
      entries,
    );
    expect(error.entryId).toBeUndefined();
    expect(error.message).toBe('排版失败：assertion failed: ⟦entry:9⟧不存在');
  });

  it('shortens long compiler messages', () => {
    const error = typesetErrorFromDiagnostics([{ message: 'x'.repeat(1000), severity: 1 }], entries);
    expect(error.message.length).toBeLessThan(320);
    expect(error.diagnostics[0].message).toHaveLength(1000);
  });
});
