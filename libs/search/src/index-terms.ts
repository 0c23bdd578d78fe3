import { readJiebaDictionary } from './jieba-dictionary';
import type { Segmenter, Token } from './segmenter';

/**
 * Proposals for a chronicle's index (索引) of people, places and organisations. jieba tags some
 * names (nr person, ns place, nt organisation) and misses many (a full name it has never seen is
 * cut by its HMM and tagged `x`), so the tags are read with the context chronicles give names:
 * a post before a person (区委书记徐立毅), a place or unit word closing a name (须水 + 街道,
 * 中原区 + 人民政府). The district dictionary's people, places and units are always proposed.
 * These are proposals: editors accept, merge or suppress them.
 */
export type ProposedKind = 'person' | 'place' | 'organisation';

export interface ProposedTerm {
  term: string;
  kind: ProposedKind;
  /** How many of the texts hold it. */
  occurrences: number;
  origin: 'segmentation' | 'dictionary';
}

/** Posts that precede a person's name in government news. */
const POSTS = /(书记|区长|市长|省长|县长|主任|局长|部长|主席|委员|副区长|副市长|秘书长|处长|科长|院长|校长|站长|所长|经理|董事长|同志|代表|镇长|乡长|组长|总经理|厂长|馆长)$/;
/** Words that close a place name. */
const PLACE_ENDINGS = /^(街道|社区|村|镇|乡|区|县|市|省|路|街|大道|广场|公园|园区|片区|小区|河|湖)$/;
/** Words that close a unit's name. */
const ORGANISATION_ENDINGS = /^(人民政府|政府|委员会|管委会|办公室|办事处|局|委|部|中心|公司|集团|学校|小学|中学|大学|医院|法院|检察院|协会|银行|研究院|研究所|总工会|工会|团委|妇联|政协|人大常委会|派出所|支行|分局|大队|支队)$/;
/** Words that are tagged as names often but are not: left out of proposals. */
const NOT_NAMES = new Set(['中原', '开园', '全区', '全市', '全省', '我区', '本区', '该区', '同志', '国家', '中央', '人民', '群众']);

/** The common surnames (百家姓 as used today), single and double: a person's name starts with one. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木'];

const hasSurname = (word: string) => SURNAMES.has(word[0]) || COMPOUND_SURNAMES.some((surname) => word.startsWith(surname) && word.length > surname.length);

/** Characters that end a place's name. */
const PLACE_SUFFIX = /(省|市|区|县|镇|乡|村|街道|路|街|河|湖|山|园|广场|社区|小区|大道|片区)$/;

/**
 * How often jieba's general dictionary has a word it tags as a name (nr, ns, nt). Its tags are
 * old and loose (城市 ns, 智慧 nr, 幼儿园 nr): a frequent word is an ordinary word whatever its
 * tag, a rare one (刘守斌 3, 中原区 4) is a name. Read once, names only.
 */
let nameFrequencies: Map<string, number> | undefined;
function dictionaryFrequency(word: string): number {
  if (!nameFrequencies) {
    nameFrequencies = new Map();
    for (const line of readJiebaDictionary().toString('utf8').split('\n')) {
      const [entry, frequency, tag] = line.split(' ');
      if (tag === 'nr' || tag === 'ns' || tag === 'nt') nameFrequencies.set(entry, Number(frequency));
    }
  }
  return nameFrequencies.get(word) ?? 0;
}

const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const HAN = /^[\u4e00-\u9fff]+$/;

/** The names found in one text, with their kinds (each once). */
export function namesInText(segmenter: Segmenter, text: string): Map<string, ProposedKind> {
  const tokens: Token[] = segmenter.tag(text);
  const found = new Map<string, ProposedKind>();
  const add = (term: string, kind: ProposedKind) => {
    if (term.length < 2 || NOT_NAMES.has(term) || !HAN.test(term)) return;
    if (!found.has(term)) found.set(term, kind);
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const { word, tag } = tokens[index];
    const next = tokens[index + 1];
    const afterNext = tokens[index + 2];
    // A unit: a run of place or name words closed by a unit word (中原区 + 人民政府, 建设路 + 街道 + 办事处).
    if ((tag === 'ns' || tag === 'nt' || tag === 'x' || tag === 'nz') && HAN.test(word) && next && ORGANISATION_ENDINGS.test(next.word)) {
      add(word + next.word, 'organisation');
      continue;
    }
    if (next && afterNext && HAN.test(word) && PLACE_ENDINGS.test(next.word) && ORGANISATION_ENDINGS.test(afterNext.word) && (tag === 'ns' || tag === 'x' || tag === 'nt')) {
      add(word + next.word + afterNext.word, 'organisation');
      index += 2;
      continue;
    }
    // A place: a place word, or an unknown word closed by a place word (须水 + 街道).
    if ((tag === 'x' || tag === 'ns') && HAN.test(word) && word.length >= 2 && next && PLACE_ENDINGS.test(next.word) && next.word.length >= 2) {
      add(word + next.word, 'place');
      index += 1;
      continue;
    }
    if (tag === 'ns' && word.length >= 2 && (dictionaryFrequency(word) <= 20 || (PLACE_SUFFIX.test(word) && dictionaryFrequency(word) <= 1000))) {
      add(word, 'place');
      continue;
    }
    if (tag === 'nt' && word.length >= 3 && (dictionaryFrequency(word) <= 50 || ORGANISATION_ENDINGS.test(word.slice(-2)) || ORGANISATION_ENDINGS.test(word.slice(-1)))) {
      add(word, 'organisation');
      continue;
    }
    // A person: a name jieba knows, or a one-character surname it tagged followed by a given name (李 + 正阳).
    if (tag === 'nr' && word.length === 1 && hasSurname(word) && next && HAN.test(next.word) && next.word.length <= 2 && index > 0 && POSTS.test(tokens[index - 1].word)) {
      add(word + next.word, 'person');
      index += 1;
      continue;
    }
    if (tag === 'nr' && HAN_NAME.test(word) && word.length <= 3 && hasSurname(word) && dictionaryFrequency(word) <= 50) {
      add(word, 'person');
      continue;
    }
    // An unknown word of two or three characters right after a post is a name (区委书记徐立毅).
    if (tag === 'x' && /^[\u4e00-\u9fff]{2,3}$/.test(word) && hasSurname(word) && index > 0 && POSTS.test(tokens[index - 1].word)) add(word, 'person');
  }
  return found;
}

/**
 * Proposals over a volume's texts: every name found, with the number of texts holding it, and
 * every dictionary person, place or unit the texts contain. Most frequent first.
 */
export function proposeIndexTerms(segmenter: Segmenter, texts: readonly string[], dictionary: ReadonlyArray<{ word: string; kind: string }> = []): ProposedTerm[] {
  const proposals = new Map<string, ProposedTerm>();
  const names = dictionary.filter((entry): entry is { word: string; kind: ProposedKind } => entry.kind === 'person' || entry.kind === 'place' || entry.kind === 'organisation');
  for (const text of texts) {
    const found = namesInText(segmenter, text);
    for (const entry of names) if (text.includes(entry.word)) found.set(entry.word, entry.kind);
    for (const [term, kind] of found) {
      const known = proposals.get(term);
      const origin = names.some((entry) => entry.word === term) ? 'dictionary' : 'segmentation';
      if (known) known.occurrences += 1;
      else proposals.set(term, { term, kind, occurrences: 1, origin });
    }
  }
  return [...proposals.values()].sort((a, b) => b.occurrences - a.occurrences || a.term.localeCompare(b.term, 'zh'));
}
