/**
 * The data both statistics tests count: in issues of the test file's own years, entries in three
 * sections, credited to four contributors of two made-up units (and one without a unit), made
 * from articles of two made-up newspapers (and some from none); two issues published, one left
 * unpublished. Every name is five rare characters drawn for the run, so nothing else has them.
 */
import { randomInt } from 'node:crypto';
import { api, createTestIssue, transition } from './support';

const RARE = [...'淼焱垚鑫犇骉燚琰瑾璟翊昕煜曦珏玥琮瑄晗昱旻炜烜铧钊鋆錡蕤萱'];
export const madeUpWord = () => Array.from({ length: 5 }, () => RARE[randomInt(RARE.length)]).join('');

type Role = 'reporter' | 'correspondent' | 'photographer' | 'intern';
type Person = 'a' | 'b' | 'c' | 'd';

/** Which issue (0 and 1 are published, 2 is not), section, day of the issue's month, newspaper and credits. */
const PLAN: { issue: 0 | 1 | 2; section: 0 | 1 | 2; day: number; newspaper: 0 | 1 | null; credits: [Person, Role][] }[] = [
  { issue: 0, section: 0, day: 3, newspaper: 0, credits: [['a', 'reporter'], ['a', 'photographer'], ['b', 'correspondent']] },
  { issue: 0, section: 1, day: 5, newspaper: 1, credits: [['c', 'correspondent']] },
  { issue: 0, section: 0, day: 10, newspaper: null, credits: [['d', 'intern']] },
  { issue: 1, section: 2, day: 2, newspaper: 0, credits: [['a', 'reporter'], ['c', 'photographer']] },
  { issue: 1, section: 1, day: 20, newspaper: null, credits: [] },
  { issue: 2, section: 0, day: 4, newspaper: 0, credits: [['a', 'correspondent'], ['d', 'reporter']] },
];

export interface FixtureEntry {
  id: string;
  published: boolean;
  sectionId: string;
  /** 'YYYY-MM' */
  month: string;
  newspaper: string | null;
  credits: { contributorId: string; role: Role }[];
}

export interface StatisticsFixture {
  sections: { id: string; name: string }[];
  /** a and b of units[0], c of units[1], d without a unit. */
  contributors: Record<Person, { id: string; name: string; organisation: string | null }>;
  units: [string, string];
  newspapers: [string, string];
  entries: FixtureEntry[];
}

async function created<T = { id: string }>(token: string, route: string, body: unknown): Promise<T> {
  const response = await api<T>('POST', route, { token, body });
  if (response.status !== 201) throw new Error(`POST ${route} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const pad = (value: number) => String(value).padStart(2, '0');

export async function createStatisticsFixture(tokens: { editor: string; reviewer: string }, firstYear: number, years: number): Promise<StatisticsFixture> {
  const { editor, reviewer } = tokens;
  const sections = (await api<{ id: string; name: string }[]>('GET', '/api/sections', { token: editor })).body.slice(0, 3);
  const units: [string, string] = [`${madeUpWord()}街道办事处`, `${madeUpWord()}区教育局`];
  const newspapers: [string, string] = [`${madeUpWord()}日报`, `${madeUpWord()}晚报`];
  const person = async (organisation: string | null) => {
    const name = madeUpWord();
    const { id } = await created(editor, '/api/contributors', { name, organisation });
    return { id, name, organisation };
  };
  const contributors = { a: await person(units[0]), b: await person(units[0]), c: await person(units[1]), d: await person(null) };
  const issues = [];
  for (let i = 0; i < 3; i += 1) issues.push(await createTestIssue<{ id: string; year: number; month: number }>(editor, firstYear, years));

  const entries: FixtureEntry[] = [];
  for (const [n, plan] of PLAN.entries()) {
    const issue = issues[plan.issue];
    const eventDate = `${issue.year}-${pad(issue.month)}-${pad(plan.day)}`;
    const newspaper = plan.newspaper === null ? null : newspapers[plan.newspaper];
    const source = newspaper === null ? null : await created(editor, '/api/sources', { newspaper, issueDate: eventDate, headline: `统计测试来稿${n}${madeUpWord()}`, text: '本报讯 统计测试。' });
    const credits = plan.credits.map(([who, role]) => ({ contributorId: contributors[who].id, role }));
    const entry = await created(editor, '/api/entries', {
      title: `统计测试条目${n}${madeUpWord()}`,
      sectionId: sections[plan.section].id,
      issueId: issue.id,
      eventDate,
      bodyText: `${issue.month}月${plan.day}日，统计测试。`,
      sourceId: source?.id ?? null,
      contributors: credits,
    });
    entries.push({ id: entry.id, published: plan.issue !== 2, sectionId: sections[plan.section].id, month: eventDate.slice(0, 7), newspaper, credits });
  }

  for (const issue of issues.slice(0, 2)) {
    for (const [n, plan] of PLAN.entries()) {
      if (issues[plan.issue] !== issue) continue;
      await transition(editor, 'entries', entries[n].id, 'submit');
      await transition(reviewer, 'entries', entries[n].id, 'approve');
    }
    await transition(editor, 'issues', issue.id, 'submit-review');
    await transition(reviewer, 'issues', issue.id, 'sign-off');
    await transition(reviewer, 'issues', issue.id, 'publish');
  }
  return { sections, contributors, units, newspapers, entries };
}
