import type { DeliveryRegister, DeliveryRegisterRow } from '../src/delivery-register';

const CATEGORIES = ['区委部门', '区政府部门', '街道办事处', '乡镇', '群团组织', '驻区单位'];
const UNITS = ['区委办公室', '区人大常委会办公室', '区人民政府办公室', '区政协办公室', '区纪委监委', '区委组织部', '区委宣传部', '区委统战部', '区发展和改革委员会', '区教育局'];
const SIGNERS = ['张丽', '王建国', '李敏', '赵志强', '刘芳'];

/** Unit i of a made-up distribution list, its status cycling through the five. */
export function registerRow(i: number): DeliveryRegisterRow {
  const status = (['confirmed', 'overdue', 'pending', 'failed', 'revoked'] as const)[i % 5];
  const method = (['link', 'email', 'paper'] as const)[i % 3];
  const day = 15 + (i % 5);
  const confirmed = status === 'confirmed';
  return {
    position: i + 1,
    unitName: i < UNITS.length ? UNITS[i] : `${UNITS[i % UNITS.length].replace('区', '')}第${i + 1}联络组`,
    category: CATEGORIES[i % CATEGORIES.length],
    method,
    paperCopies: method === 'paper' ? 1 + (i % 4) : 0,
    sentAt: status === 'failed' ? null : '2020-10-15T06:05:00.000Z',
    firstDownloadedAt: confirmed || status === 'overdue' ? `2020-10-${day}T01:30:00.000Z` : null,
    // The first unit confirmed at 00:30 on the 16th in Beijing: still the 15th in UTC (and in New York).
    confirmedAt: confirmed ? (i === 0 ? '2020-10-15T16:30:00.000Z' : `2020-10-${day}T08:45:00.000Z`) : null,
    confirmedByName: confirmed ? SIGNERS[i % SIGNERS.length] : null,
    confirmedOnPaper: confirmed && method === 'paper',
    status,
  };
}

/** The register of 总第97期 (2020年10月), second revision, with `units` made-up units. */
export function sampleRegister(units: number, overrides: Partial<DeliveryRegister> = {}): DeliveryRegister {
  return {
    issue: { title: '中原区大事月报', serialNumber: 97, year: 2020, month: 10, revision: 2, publicationDate: '2020-10-15' },
    office: { sponsor: '中共郑州市中原区委党史研究室（区地方史志办公室）', publisher: '中原区地方史志办公室', paper: 'a4' },
    dispatchedAt: '2020-10-15T06:05:00.000Z',
    printedAt: '2020-10-31T01:20:00.000Z',
    rows: Array.from({ length: units }, (_, i) => registerRow(i)),
    ...overrides,
  };
}
