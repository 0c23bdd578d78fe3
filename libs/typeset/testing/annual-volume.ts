import type { AnnualEntrySnapshot, AnnualVolumeSnapshot, EntryBlock, IndexTermSnapshot } from '@dsyb/domain';
import { pngImage } from './images';
import { loadReferenceSeed, referenceSnapshot } from './reference-issue';

/**
 * An annual volume for tests: the reference issue's 27 entries and 13 made up ones, 40 events
 * spread over the twelve months of 2020 (3–4 a month), in print order, and an index of people,
 * places and organisations, some of them made-up names placed on known events.
 */

/** Made-up names and where they are (0-based positions in print order). */
export const VOLUME_NAMES = {
  /** In the 1st and the 30th event only. */
  twice: { term: '夔望舒', events: [0, 29] },
  /** One person under two wordings: 霍去非 in event 6, 霍主任 in event 24. */
  merged: { term: '霍去非', forms: ['霍去非', '霍主任'], events: [6, 24] },
  /** Only in a figure caption (event 12). */
  caption: { term: '蔺晓岚', events: [12] },
  /** Half bold: "郑秋" bold and "实" not (event 12), and plain in event 15's text. */
  acrossRuns: { term: '郑秋实', events: [12] },
} as const;

/** Positions of the made-up events; the others are the reference issue's entries in order. */
const MADE_UP_AT = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 29, 33, 36];

/** Events known to the month only (是月): the last of their months in print order. */
export const MONTH_PRECISION_EVENTS = [9, 33];

const FIGURE_CAPTION = '蔺晓岚（左二）在推进会上发言';

const MADE_UP: Array<{ title: string; text?: string[]; blocks?: EntryBlock[]; photographers?: string[] }> = [
  { title: '区政府召开2020年第一次常务会议', text: ['区长夔望舒主持召开区政府2020年第一次常务会议，研究部署春节前后安全生产、市场保供和疫情防控工作。会议要求，各部门要压实责任，确保群众度过一个欢乐祥和的春节。'] },
  { title: '区领导走访慰问困难群众', text: ['区委副书记张明远带队走访慰问辖区困难群众、老党员和退役军人，为他们送去米、面、油等慰问品，并送上新春祝福。'] },
  { title: '霍去非调研老旧小区改造工作', text: ['区政府副区长霍去非到林山寨街道调研老旧小区改造工作，实地察看施工现场，听取街道工作汇报。', '霍去非要求，要把好事办好、实事办实，在施工中减少对居民生活的影响。'] },
  { title: '中原区开展“春风行动”专项招聘活动', text: ['中原区人社局联合辖区企业开展“春风行动”专项招聘活动，提供就业岗位两千余个，帮助返乡人员就近就业。'] },
  {
    title: '中原区召开优化营商环境工作推进会',
    blocks: [
      { type: 'paragraph', runs: [{ text: '中原区召开优化营商环境工作推进会，会议由' }, { text: '区委常委郑秋', bold: true }, { text: '实主持。' }] },
      { type: 'list', ordered: true, items: [[{ text: '梳理企业反映的突出问题；' }], [{ text: '建立问题台账，限时办结。' }]] },
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64: pngImage(640, 360).toString('base64') }, caption: FIGURE_CAPTION },
      { type: 'paragraph', runs: [{ text: '会议要求，各部门要主动服务、靠前服务，持续优化营商环境。' }] },
    ],
    photographers: ['王云翔'],
  },
  { title: '曾繁星到须水河开展巡河工作', text: ['区人大常委会主任曾繁星到须水河开展巡河工作，沿河察看水质和河道保洁情况。郑秋实陪同。'] },
  { title: '中原区召开防汛工作会议', text: ['会议传达了郑州市防汛工作会议精神，要求各单位立足防大汛、抗大灾，落实防汛责任，备足防汛物资。'] },
  { title: '区市场监管局开展节日市场检查', text: ['区市场监管局组织执法人员对辖区商超、农贸市场开展节日市场检查，重点检查食品安全和价格公示情况。'] },
  { title: '霍主任到中原西路街道督导创文工作', text: ['霍主任一行到中原西路街道督导创文工作，察看了背街小巷和老旧小区的环境卫生。'] },
  { title: '中原区举办第二届社区运动会', text: ['中原区第二届社区运动会开幕，来自各街道的一千余名运动员参加了比赛。'] },
  { title: '夔望舒调研重点项目建设', text: ['区长夔望舒到重点项目建设现场调研，要求各项目单位抢抓工期，确保年度投资目标完成。'] },
  { title: '中原区完成第七次全国人口普查入户登记', text: ['中原区第七次全国人口普查入户登记工作全面完成，普查员走访住户三十余万户。'] },
  { title: '区政府召开年度工作总结会议', text: ['区委副书记张明远出席会议并讲话，总结全年工作，部署来年重点任务。'] },
];

/** The index: people, places, organisations; one term that occurs nowhere. */
export const VOLUME_INDEX: IndexTermSnapshot[] = [
  { term: '徐立毅', kind: 'person', forms: ['徐立毅'] },
  { term: '陈传建', kind: 'person', forms: ['陈传建'] },
  { term: '楚增光', kind: 'person', forms: ['楚增光'] },
  { term: '杜建强', kind: 'person', forms: ['杜建强'] },
  { term: '刘守斌', kind: 'person', forms: ['刘守斌'] },
  { term: VOLUME_NAMES.twice.term, kind: 'person', forms: [VOLUME_NAMES.twice.term] },
  { term: VOLUME_NAMES.merged.term, kind: 'person', forms: [...VOLUME_NAMES.merged.forms] },
  { term: VOLUME_NAMES.caption.term, kind: 'person', forms: [VOLUME_NAMES.caption.term] },
  { term: VOLUME_NAMES.acrossRuns.term, kind: 'person', forms: [VOLUME_NAMES.acrossRuns.term] },
  { term: '曾繁星', kind: 'person', forms: ['曾繁星'] },
  { term: '张明远', kind: 'person', forms: ['张明远'] },
  { term: '中原区', kind: 'place', forms: ['中原区'] },
  { term: '郑州', kind: 'place', forms: ['郑州'] },
  { term: '中原西路街道', kind: 'place', forms: ['中原西路街道'] },
  { term: '林山寨街道', kind: 'place', forms: ['林山寨街道'] },
  { term: '须水河', kind: 'place', forms: ['须水河'] },
  { term: '中原区市场监管局', kind: 'organisation', forms: ['中原区市场监管局', '区市场监管局'] },
  { term: '中原区档案馆', kind: 'organisation', forms: ['中原区档案馆'] },
];

/** Month (1–12) of the event at `position` of 40, and its day: 3–4 events a month, a week apart. */
export function eventDay(position: number, count = 40): { month: number; day: number } {
  const month = Math.floor((position * 12) / count) + 1;
  const first = Math.ceil(((month - 1) * count) / 12);
  return { month, day: 3 + 7 * (position - first) };
}

/** The 40 events in print order. */
export function volumeEvents(): AnnualEntrySnapshot[] {
  const seed = referenceSnapshot('final').sections.flatMap((section) => section.entries);
  let madeUp = 0;
  let fromSeed = 0;
  return Array.from({ length: 40 }, (_, position): AnnualEntrySnapshot => {
    const { month, day } = eventDay(position);
    const precision = MONTH_PRECISION_EVENTS.includes(position) ? 'month' : 'day';
    const eventDate = `2020-${pad(month)}-${pad(precision === 'month' ? 1 : day)}`;
    if (!MADE_UP_AT.includes(position)) return { ...seed[fromSeed++], eventDate, eventDatePrecision: precision };
    const event = MADE_UP[madeUp++];
    const body = event.blocks ? { blocks: event.blocks } : { paragraphs: event.text ?? [] };
    return { id: `made-up-${position}`, title: event.title, ...body, photographers: event.photographers, eventDate, eventDatePrecision: precision };
  });
}

/**
 * The volume as the API would hand it over. The snapshot lists each month's events known to the
 * month only first, where the typesetter must not print them (it moves them to the month's end).
 */
export function referenceVolume(overrides: Partial<AnnualVolumeSnapshot> = {}): AnnualVolumeSnapshot {
  const seed = loadReferenceSeed();
  const events = volumeEvents();
  const months = [...new Set(events.map((event) => Number(event.eventDate.slice(5, 7))))].map((month) => {
    const inMonth = events.filter((event) => Number(event.eventDate.slice(5, 7)) === month);
    return { month, entries: [...inMonth.filter((e) => e.eventDatePrecision === 'month'), ...inMonth.filter((e) => e.eventDatePrecision === 'day')] };
  });
  return {
    volumeId: 'volume-2020',
    year: 2020,
    title: '中原区2020年大事记',
    compiler: seed.issue.compiler,
    publicationDate: '2021-01-20',
    masthead: { ...seed.masthead, publicationTitle: seed.masthead.publicationTitle ?? seed.issue.title },
    months,
    index: VOLUME_INDEX,
    kind: 'final',
    renderedAt: '2021-01-18T02:00:00Z',
    ...overrides,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
