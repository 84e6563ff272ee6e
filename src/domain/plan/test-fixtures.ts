import type { AssignmentRecord, MeasureRecord, Organisation, ProgressEvent } from './model';
import type { PlanSnapshot } from './snapshot';
import type { AssignmentRole, Status } from './status';

/**
 * A small hand-made plan for domain tests: 2 areas, 3 sections, 6 measures with every due kind,
 * 3 assignable ministries (and one body that is not), and progress events on known dates.
 * Only for tests; the real strategy lives in seeds/.
 *
 * | id | code        | due                       | lead / contributing | what happens                              |
 * | m1 | 5.1.1(1)-1  | calendar_year 2015-12-31  | meti / mic          | complete 2015-12-20 (meti 12-15, mic 12-20) |
 * | m2 | 5.1.1(1)-2  | fiscal_year 2016-03-31    | mic                 | complete 2016-02-01, reopened 2016-06-01  |
 * | m3 | 5.2.1(1)i-1 | continuous                | nisc / mic          | in progress from 2015-05-01               |
 * | m4 | 5.2.1(1)i-2 | asap (→ plan end)         | nisc                | nothing recorded                          |
 * | m5 | 5.2.2(1)-1  | date 2017-03-31           | mic / meti          | two updates 2016-04-01, meti suspends 2017-01-31, mic completes 2017-02-28 |
 * | m6 | 5.2.2(1)-2  | none (plan_period)        | meti                | nothing recorded; 再掲 of m3             |
 */

const org = (id: string, ja: string, en: string, assignable = true): Organisation => ({
  id,
  kind: assignable ? 'ministry' : 'unit',
  assignable,
  name: { ja, en },
});

const measure = (
  m: Partial<MeasureRecord> & Pick<MeasureRecord, 'id' | 'code' | 'itemCode' | 'due'>,
): MeasureRecord => {
  const sectionCode = m.itemCode.replace(/\(.*$/, '');
  return {
    sectionCode,
    areaCode: sectionCode.split('.').slice(0, 2).join('.'),
    title: { ja: `施策 ${m.code}`, en: `Measure ${m.code}` },
    quote: `${m.code} の本文。`,
    start: '2015-04-01',
    tags: [],
    milestoneIds: [],
    packageIds: [],
    crossRefId: null,
    rag: null,
    position: 0,
    version: 1,
    ...m,
  };
};

const assignment = (measureId: string, ministryId: string, role: AssignmentRole): AssignmentRecord => ({
  measureId,
  ministryId,
  role,
  provenance: role === 'lead' ? 'named' : 'proposed',
  confirmed: role === 'lead',
  status: 'not_started',
  progress: 0,
  narrative: '',
  version: 1,
});

const event = (
  id: number,
  measureId: string,
  ministryId: string,
  effectiveOn: string,
  status: Status,
  progress: number,
): ProgressEvent => ({
  id,
  measureId,
  ministryId,
  effectiveOn,
  status,
  progress,
  narrative: `${measureId}/${ministryId} ${effectiveOn}`,
  actor: 'test',
  submittedBy: null,
  comment: '',
  recordedAt: `${effectiveOn}T09:00:00Z`,
  origin: 'user',
});

const MEASURES: MeasureRecord[] = [
  measure({
    id: 'm1',
    code: '5.1.1(1)-1',
    itemCode: '5.1.1(1)',
    title: { ja: 'IoTシステムのセキュリティ指針の策定', en: 'Draft security guidelines for IoT systems' },
    quote: 'IoTシステムのセキュリティに関する指針を本年中を目途に策定する。',
    due: { wording: '本年中を目途', kind: 'calendar_year', date: '2015-12-31', source: '2-1' },
    tags: ['iot'],
    packageIds: ['1.1'],
  }),
  measure({
    id: 'm2',
    code: '5.1.1(1)-2',
    itemCode: '5.1.1(1)',
    title: { ja: '人材育成方針の策定', en: 'Adopt a human-resources development policy' },
    due: { wording: '本年度中', kind: 'fiscal_year', date: '2016-03-31', source: '2-3' },
    tags: ['hr'],
  }),
  measure({
    id: 'm3',
    code: '5.2.1(1)i-1',
    itemCode: '5.2.1(1)i',
    title: { ja: 'GSOCによる監視の継続', en: 'Continue monitoring by GSOC' },
    due: { wording: '継続実施', kind: 'continuous', date: null, source: '2-1' },
    tags: ['gov'],
  }),
  measure({
    id: 'm4',
    code: '5.2.1(1)i-2',
    itemCode: '5.2.1(1)i',
    title: { ja: '大会に向けた体制の検討', en: 'Consider arrangements for the Games' },
    quote: '２０２０年東京大会に向け、ｾｷｭﾘﾃｨ体制を速やかに検討する。',
    due: { wording: '速やかに検討', kind: 'asap', date: null, source: '2-3' },
    tags: ['tokyo2020'],
    milestoneIds: ['tokyo2020-olympics'],
  }),
  measure({
    id: 'm5',
    code: '5.2.2(1)-1',
    itemCode: '5.2.2(1)',
    title: { ja: '重要インフラ行動計画の見直し', en: 'Review the critical infrastructure action plan' },
    due: { wording: '2017年3月までに', kind: 'date', date: '2017-03-31', source: '2-3' },
    tags: ['ci'],
  }),
  measure({
    id: 'm6',
    code: '5.2.2(1)-2',
    itemCode: '5.2.2(1)',
    title: { ja: '政府機関の監視（再掲）', en: 'Monitoring of government bodies (repeated)' },
    due: { wording: null, kind: 'plan_period', date: null, source: null },
    tags: ['ci', 'gov'],
    crossRefId: 'm3',
  }),
].map((m, position) => ({ ...m, position }));

const ASSIGNMENTS: AssignmentRecord[] = [
  assignment('m1', 'meti', 'lead'),
  assignment('m1', 'mic', 'contributing'),
  assignment('m2', 'mic', 'lead'),
  // Listed contributing-first on purpose: the index puts the lead first.
  assignment('m3', 'mic', 'contributing'),
  assignment('m3', 'nisc', 'lead'),
  assignment('m4', 'nisc', 'lead'),
  assignment('m5', 'mic', 'lead'),
  assignment('m5', 'meti', 'contributing'),
  assignment('m6', 'meti', 'lead'),
];

/** Ids are recording order. */
const EVENTS: ProgressEvent[] = [
  event(2, 'm1', 'meti', '2015-06-30', 'in_progress', 40),
  event(3, 'm1', 'mic', '2015-06-30', 'in_progress', 20),
  event(4, 'm1', 'meti', '2015-12-15', 'completed', 100),
  event(5, 'm1', 'mic', '2015-12-20', 'completed', 100),
  event(6, 'm2', 'mic', '2015-10-01', 'in_progress', 50),
  event(7, 'm2', 'mic', '2016-02-01', 'completed', 100),
  event(8, 'm2', 'mic', '2016-06-01', 'in_progress', 80),
  event(9, 'm5', 'mic', '2016-04-01', 'in_progress', 30),
  event(10, 'm5', 'mic', '2016-04-01', 'in_progress', 35),
  event(11, 'm5', 'meti', '2017-01-31', 'suspended', 0),
  event(12, 'm5', 'mic', '2017-02-28', 'completed', 100),
  // Listed last but earliest: the index must sort by date, not trust array order.
  event(1, 'm3', 'nisc', '2015-05-01', 'in_progress', 30),
];

export function fixtureSnapshot(): PlanSnapshot {
  return structuredClone({
    planPeriod: { start: '2015-04-01', end: '2018-03-31', label: { ja: '2015年度〜2017年度', en: 'FY2015–FY2017' } },
    areas: [
      { code: '5.1', title: { ja: '経済社会の活力の向上', en: 'Socio-economic vitality' } },
      { code: '5.2', title: { ja: '安全・安心な社会', en: 'A safe and secure society' } },
    ],
    sections: [
      { code: '5.1.1', areaCode: '5.1', title: { ja: '安全なIoTシステム', en: 'Secure IoT systems' } },
      { code: '5.2.1', areaCode: '5.2', title: { ja: '国民・社会を守る', en: 'Protecting people and society' } },
      { code: '5.2.2', areaCode: '5.2', title: { ja: '重要インフラを守る', en: 'Protecting critical infrastructure' } },
    ],
    items: [
      { code: '5.1.1(1)', sectionCode: '5.1.1', title: { ja: '項目1', en: 'Item 1' } },
      { code: '5.2.1(1)', sectionCode: '5.2.1', title: { ja: '項目2', en: 'Item 2' } },
      { code: '5.2.1(1)i', sectionCode: '5.2.1', parentCode: '5.2.1(1)', title: { ja: '細目2-i', en: 'Sub-item 2-i' } },
      { code: '5.2.2(1)', sectionCode: '5.2.2', title: { ja: '項目3', en: 'Item 3' } },
    ],
    organisations: [
      org('nisc', '内閣サイバーセキュリティセンター', 'NISC'),
      org('mic', '総務省', 'MIC'),
      org('meti', '経済産業省', 'METI'),
      org('gsoc', 'GSOC', 'GSOC', false),
    ],
    milestones: [
      {
        id: 'tokyo2020-olympics',
        kind: 'event',
        title: { ja: '東京2020オリンピック', en: 'Tokyo 2020 Olympics' },
        start: '2020-07-24',
        end: '2020-08-09',
        version: 1,
      },
    ],
    packageEntries: [
      { id: '1', title: { ja: '見出し', en: 'Heading' } },
      { id: '1.1', parentId: '1', title: { ja: '指針', en: 'Guidelines' }, text: '指針を策定する。' },
    ],
    measures: MEASURES,
    assignments: ASSIGNMENTS,
    events: EVENTS,
  } satisfies PlanSnapshot);
}
