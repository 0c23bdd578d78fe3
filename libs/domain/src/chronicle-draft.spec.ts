import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleParagraphs, chinesePunctuation, chronicleTitle, DRAFT_BODY_LIMIT, draftFromSource } from './chronicle-draft';

/** The articles of the shared newspaper page B, by headline: the text from 本报讯 to the byline. */
const pageB = readFileSync(join(__dirname, '../../../seeds/sources/newspaper-page-b.txt'), 'utf8');
function article(startsWith: string): string {
  const start = pageB.indexOf(`本报讯 ${startsWith}`);
  if (start < 0) throw new Error(`not on page B: ${startsWith}`);
  const end = pageB.indexOf('记者 张改华', start);
  return pageB.slice(start, end + '记者 张改华'.length);
}

const ISSUE_DATE = '2020-09-10';

describe('draftFromSource on the leads of newspaper page B', () => {
  it('keeps a lead that opens with the date, 本报讯 dropped and its punctuation full-width (as 9月8日 中原区委理论学习中心组 in the reference issue)', () => {
    const draft = draftFromSource({
      headline: '中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议 集中收听收看全国抗击新冠肺炎疫情表彰大会',
      text: article('9月8日上午'),
      issueDate: ISSUE_DATE,
    });
    expect(draft.title).toBe('中原区委理论学习中心组召开2020年度第九次集体学习（扩大）会议');
    expect(draft.paragraphs[0]).toBe(
      '9月8日上午，中原区委理论学习中心组召开第九次集体学习（扩大）会议，组织收听收看全国抗击新冠肺炎疫情表彰大会。' +
        '区领导乔耸、李晓雷、杜建强、李长义、刘守斌、薛晓军、成小波等区委理论学习中心组成员，全区各单位主要负责人，区疫情防控指挥部原一办九部执行副部长参会。' +
        '全区各级各部门分别组织党员、干部、职工收听收看表彰大会。',
    );
    // The reference issue's entry opens with the same sentence (where it leaves out 上午).
    const reference = readFileSync(join(__dirname, '../../../seeds/sources/monthly-chronicle-2020-10-no97.txt'), 'utf8');
    const firstSentence = draft.paragraphs[0].slice(0, draft.paragraphs[0].indexOf('。') + 1);
    expect(reference).toContain(`\n${firstSentence.replace('上午', '')}`);
    expect(draft.paragraphs[1]).toMatch(/^会上，中共中央总书记/);
    expect(draft).toMatchObject({ eventDate: '2020-09-08', eventDatePrecision: 'day' });
    expect(draft.bodyText).toBe(draft.paragraphs.join('\n\n'));
  });

  it('moves the date to the front and drops the purpose clause before it (为迎接…，展示…，9月7日上午，…)', () => {
    const draft = draftFromSource({
      headline: '全景展现“绿水青山就是金山银山”发展理念 中原区“生态中原”摄影展开幕',
      text: article('为迎接中华人民共和国成立71周年'),
      issueDate: ISSUE_DATE,
    });
    expect(draft.title).toBe('中原区“生态中原”摄影展开幕');
    expect(draft.paragraphs[0]).toBe(
      '9月7日上午，中原区喜迎中华人民共和国成立71周年“生态中原”摄影作品展在中原区委北一楼开幕。此次摄影展由中原区委、区政府主办，中原区委宣传部、中原区城市管理局、中原区文化旅游体育局承办。',
    );
    expect(draft).toMatchObject({ eventDate: '2020-09-07', eventDatePrecision: 'day' });
  });

  it('drops a purpose clause of two parts (为助力…，同时也为…，9月7日，…)', () => {
    const draft = draftFromSource({ headline: '“全城清洁”助力创文 中原区纪委监委开展党员志愿服务活动', text: article('为助力郑州创文'), issueDate: ISSUE_DATE });
    expect(draft.title).toBe('中原区纪委监委开展党员志愿服务活动');
    expect(draft.paragraphs[0]).toBe(
      '9月7日，中原区纪委监委机关党委组织各支部党员到辖区郑煤家属院开展党员志愿服务活动，50余名党员同志主动报名，中原区委常委、纪委书记、监委主任薛晓军以普通党员身份参加活动。',
    );
  });

  it('drops a 为…，按照…， opening (as the reference issue words 9月1日 中原区召开网上政务服务能力提升工作推进会)', () => {
    const draft = draftFromSource({
      headline: '创新服务模式 拓展服务渠道 中原区召开网上政务服务能力提升工作推进会',
      text: article('为积极做好2020年'),
      issueDate: ISSUE_DATE,
    });
    expect(draft.title).toBe('中原区召开网上政务服务能力提升工作推进会');
    expect(draft.paragraphs[0]).toBe('9月1日下午，中原区召开网上政务服务能力提升工作推进会。');
    expect(draft.paragraphs[1]).toBe(
      '会议宣读了《中原区成立2020年网上政务服务能力提升攻坚组的通知》《中原区2020年网上政务服务能力提升工作实施方案》和《中原区政务服务“好差评”工作制度（试行）》。',
    );
    expect(draft.eventDate).toBe('2020-09-01');
  });

  it('takes a date of the month before the paper in the paper’s year (8月31日 in a September paper)', () => {
    const draft = draftFromSource({ headline: '中原区领导调研贾鲁河片区推进情况 围绕“服务”二字 把工作做实做好', text: article('8月31日上午'), issueDate: ISSUE_DATE });
    expect(draft.title).toBe('中原区领导调研贾鲁河片区推进情况');
    expect(draft.paragraphs[0]).toMatch(/^8月31日上午，中原区委书记乔耸到贾鲁河片区指挥部调研片区推进情况，并召开座谈会。/);
    expect(draft.eventDate).toBe('2020-08-31');
  });

  it('joins paragraphs the page broke in mid-sentence and leaves out the byline', () => {
    const paragraphs = articleParagraphs(article('9月4日'));
    expect(paragraphs.some((paragraph) => paragraph.includes('突出规划、招引实业'))).toBe(true);
    expect(paragraphs.some((paragraph) => paragraph.startsWith('记者'))).toBe(false);
  });

  it('keeps the body within about 300 characters, ending at a sentence end', () => {
    for (const start of ['9月8日上午', '为迎接中华人民共和国成立71周年', '8月31日上午', '为助力郑州创文', '9月4日', '为积极做好2020年']) {
      const draft = draftFromSource({ headline: '标题', text: article(start), issueDate: ISSUE_DATE });
      expect(draft.bodyText.replace(/\n\n/g, '').length).toBeLessThanOrEqual(DRAFT_BODY_LIMIT);
      expect(draft.bodyText).toMatch(/[。！？][”’）]*$/);
      expect(draft.bodyText).not.toMatch(/本报讯|记者 张改华|,/);
    }
  });
});

describe('the lead date first', () => {
  it('says the month for 近日/日前, with the precision month', () => {
    const draft = draftFromSource({ headline: '中原区开展秋季学校食堂监管工作', text: '本报讯 近日,中原区市场监管局开展秋季学校食堂监管工作。', issueDate: '2020-09-20' });
    expect(draft.paragraphs[0]).toBe('9月，中原区市场监管局开展秋季学校食堂监管工作。');
    expect(draft).toMatchObject({ eventDate: '2020-09-01', eventDatePrecision: 'month' });
    const earlier = draftFromSource({ headline: '标题', text: '日前，区司法局组织收看视频会议。', issueDate: '2020-10-02' });
    expect(earlier.paragraphs[0]).toBe('10月，区司法局组织收看视频会议。');
  });

  it('moves a date inside the clause to the front, the subject after it', () => {
    const draft = draftFromSource({ headline: '标题', text: '本报讯 中原区委于9月8日召开常委会会议。', issueDate: ISSUE_DATE });
    expect(draft.paragraphs[0]).toBe('9月8日，中原区委召开常委会会议。');
  });

  it('keeps a clause before the date that is not a purpose, after the date', () => {
    const draft = draftFromSource({ headline: '标题', text: '金秋送爽,9月20日,中原区“千村百镇”系列体育活动启动。', issueDate: '2020-09-25' });
    expect(draft.paragraphs[0]).toBe('9月20日，金秋送爽，中原区“千村百镇”系列体育活动启动。');
  });

  it('puts the date in front of a lead that has none', () => {
    expect(draftFromSource({ headline: '标题', text: '中原区召开河长制工作推进会。', issueDate: '2020-09-25' }).paragraphs[0]).toBe('9月，中原区召开河长制工作推进会。');
    const given = draftFromSource({ headline: '标题', text: '中原区召开河长制工作推进会。', issueDate: '2020-09-25', eventDate: '2020-09-18' });
    expect(given.paragraphs[0]).toBe('9月18日，中原区召开河长制工作推进会。');
    expect(given).toMatchObject({ eventDate: '2020-09-18', eventDatePrecision: 'day' });
  });
});

describe('the event date', () => {
  it('takes the given one over the lead', () => {
    const draft = draftFromSource({ headline: '标题', text: '9月8日，中原区召开会议。', issueDate: ISSUE_DATE, eventDate: '2020-09-09' });
    expect(draft).toMatchObject({ eventDate: '2020-09-09', eventDatePrecision: 'day' });
    const month = draftFromSource({ headline: '标题', text: '近日，中原区召开会议。', issueDate: ISSUE_DATE, eventDate: '2020-08-15', eventDatePrecision: 'month' });
    expect(month).toMatchObject({ eventDate: '2020-08-01', eventDatePrecision: 'month' });
    expect(month.paragraphs[0]).toBe('8月，中原区召开会议。');
  });

  it('reads a December date in a January paper as the year before, and a written year as it is', () => {
    expect(draftFromSource({ headline: '标题', text: '12月30日，中原区召开会议。', issueDate: '2021-01-04' }).eventDate).toBe('2020-12-30');
    expect(draftFromSource({ headline: '标题', text: '2019年12月30日，中原区召开会议。', issueDate: '2021-01-04' }).eventDate).toBe('2019-12-30');
  });

  it('falls back on the paper’s month when the lead names no day', () => {
    expect(draftFromSource({ headline: '标题', text: '中原区召开会议。', issueDate: '2020-09-25' })).toMatchObject({ eventDate: '2020-09-01', eventDatePrecision: 'month' });
  });
});

describe('chronicleTitle', () => {
  it('picks the part of the headline that states the event', () => {
    expect(chronicleTitle('齐谋划片区新发展 共助力产业开新局 中原区政协组织核心片区建设专题视察')).toBe('中原区政协组织核心片区建设专题视察');
    expect(chronicleTitle('中原区委理论学习中心组召开 2020 年度第九次集体学习')).toBe('中原区委理论学习中心组召开 2020 年度第九次集体学习');
    expect(chronicleTitle('徐立毅出席芝麻街双创园开园仪式')).toBe('徐立毅出席芝麻街双创园开园仪式');
    expect(chronicleTitle('创建食品安全区 共享共建食安中原')).toBe('创建食品安全区 共享共建食安中原');
  });
});

describe('chinesePunctuation', () => {
  it('makes punctuation between Chinese full-width and leaves numbers and Latin text alone', () => {
    expect(chinesePunctuation('会上,他指出:要(试行)落实')).toBe('会上，他指出：要（试行）落实');
    expect(chinesePunctuation('以郑州中央文化区(CCD)为引领')).toBe('以郑州中央文化区（CCD）为引领');
    expect(chinesePunctuation('共1,000人; see (CCD)')).toBe('共1,000人；see (CCD)');
  });
});
