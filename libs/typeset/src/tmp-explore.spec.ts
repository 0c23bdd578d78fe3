import { PdfReader } from '../testing/pdf-text';
import { entry, sampleIssue, section } from '../testing/sample-issues';
import { renderIssuePdf } from './index';
it('explore', () => {
  const issue = sampleIssue({ kind: 'proof', sections: [section('a', '本期焦点', [entry('e1', '标题一', Array(30).fill('会议强调，要提高政治站位，压实工作责任，确保各项任务按时保质完成。'))])] });
  const r = renderIssuePdf(issue);
  const reader = new PdfReader(r.pdf);
  for (let p = 1; p <= reader.pageCount(); p++) console.log(p, JSON.stringify(reader.words(p).filter(w => w.yMin < 80)));
});
