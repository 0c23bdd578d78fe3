import { PdfReader, squash } from '../testing/pdf-text';
import { entry, sampleIssue, section } from '../testing/sample-issues';
import { renderIssuePdf } from './index';

/**
 * A reissued issue (勘误) tells its readers what changed: the notice printed before the back
 * block names each correction's revision, its sign-off date, the reason and the entries changed.
 */
const corrected = sampleIssue({
  sections: [section('politics', '时政要点', [entry('e1', '区政协开展专题视察活动', ['3月2日，区政协组织委员开展专题视察。'])])],
  corrections: [
    {
      revision: 2,
      date: '2020-10-15',
      reason: '视察单位名称有误',
      entries: [{ title: '区政协开展专题视察活动', previousTitle: '区政协开展专题视查活动' }],
    },
    { revision: 3, date: '2020-11-02', reason: '正文日期有误', entries: [{ title: '区政协开展专题视察活动', previousTitle: '区政协开展专题视察活动' }] },
  ],
});

it('prints the 勘误 notice with revision, date, reason and the changed titles', () => {
  const reader = new PdfReader(renderIssuePdf(corrected).pdf);
  try {
    const text = squash(reader.pageTexts().join('\n'));
    expect(text).toContain('勘误说明');
    expect(text).toContain('第2版（2020年10月15日）');
    expect(text).toContain('原因：视察单位名称有误');
    expect(text).toContain('《区政协开展专题视察活动》（原题《区政协开展专题视查活动》）');
    expect(text).toContain('第3版（2020年11月2日）');
    expect(text).toContain('（正文更正）');
  } finally {
    reader.dispose();
  }
});
