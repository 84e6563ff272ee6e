/**
 * Adds `plans` to seeds/scenarios/sample.json: fictitious FY2015 annual-plan texts, results per
 * ministry and FY2016 plans for demos and tests (issue 5). Every text is marked 【サンプル】; derived
 * only from the sample's own (fictitious) events, never presented as fact. Deterministic.
 *
 *   npx tsx scripts/make-sample-plans.ts     (after make-sample-scenario.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compileSeeds } from '@/domain/seeds';
import { ScenarioSchema, type ScenarioPlan } from '@/domain/seeds';
import type { Status } from '@/domain/plan';
import { loadSeedBundle } from '../seeds';

const FILE = new URL('../seeds/scenarios/sample.json', import.meta.url);
const FY = 2015;
const YEAR_END = '2016-03-31';

const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
const seeds = compileSeeds(loadSeedBundle());
const names = new Map(seeds.organisations.map((o) => [o.id, (o.short ?? o.name).ja]));

/** Each assignment's last sample event up to the end of FY2015. */
const latest = new Map<string, { status: Status; progress: number }>();
for (const e of scenario.events) {
  if (e.effectiveOn > YEAR_END) continue;
  latest.set(`${e.measureCode}\u0000${e.ministryId}`, { status: e.status, progress: e.progress });
}

const DONE: Record<Status, string> = {
  not_started: '着手に向けた準備を行った',
  in_progress: '関係機関との調整を行い、取組を進めた',
  completed: '所期の取組を完了した',
  suspended: '方針の見直しにより取組を中止した',
};

const plans: ScenarioPlan[] = seeds.measures.map((m) => {
  const parts = seeds.assignments.filter((a) => a.measureId === m.id);
  const lead = parts.find((a) => a.role === 'lead');
  const leadName = lead ? (names.get(lead.ministryId) ?? lead.ministryId) : '関係府省庁';
  const states = parts.map((a) => latest.get(`${m.id}\u0000${a.ministryId}`));
  const allDone = states.every((s) => s?.status === 'completed');
  const results = parts.flatMap((a) => {
    const s = latest.get(`${m.id}\u0000${a.ministryId}`);
    return s
      ? [
          {
            ministryId: a.ministryId,
            text: `【サンプル】2015年度は「${m.title.ja}」について${DONE[s.status]}（年度末の進捗 ${s.progress}%）。`,
          },
        ]
      : [];
  });
  return {
    fy: FY,
    measureCode: m.code,
    planText: `【サンプル】${leadName}を中心に関係府省庁と連携し、「${m.title.ja}」に係る実施方針を検討・具体化する。`,
    nextPlanText: allDone
      ? ''
      : `【サンプル】2016年度は、2015年度の成果を踏まえ「${m.title.ja}」の取組を本格化し、進捗を四半期ごとに確認する。`,
    ...(results.length ? { results } : {}),
  };
});

writeFileSync(FILE, `${JSON.stringify({ ...scenario, plans }, null, 2)}\n`);
console.log(
  `wrote ${plans.length} sample plans (${plans.reduce((n, p) => n + (p.results?.length ?? 0), 0)} results) for FY${FY}`,
);
