import type { SeedBundle } from './compile-seeds';

/**
 * What would make the strategy's structure lie (issue 19): a lead-in, target or step pointing at
 * nothing; a section target not in its lead-in's sentence; a deadline a measure does not state
 * itself (a section's target copied onto its measures); the Olympics without the Paralympics,
 * which the text never names apart (「オリンピック・パラリンピック東京大会」).
 */
export function strategyTextProblems(bundle: SeedBundle): string[] {
  const problems: string[] = [];
  const text = bundle.strategyText;
  const items = bundle.strategy.flatMap((f) => f.items);
  const measures = bundle.strategy.flatMap((f) => f.measures);
  const nodes = new Set([
    ...bundle.structure.areas.map((a) => a.code),
    ...bundle.structure.sections.map((s) => s.code),
    ...items.map((i) => i.code),
  ]);
  const sectionOf = new Map<string, string>([
    ...items.map((i) => [i.code, i.sectionCode] as const),
    ...bundle.structure.sections.map((s) => [s.code, s.code] as const),
  ]);
  const leadIns = new Map(text.leadIns.map((l) => [l.code, l]));
  const packages = new Map(bundle.strengtheningPackage.entries.map((p) => [p.id, p]));
  const milestones = new Set(bundle.milestones.milestones.map((m) => m.id));
  const seen = new Set<string>();
  for (const l of text.leadIns) {
    if (seen.has(l.code)) problems.push(`duplicate lead-in: ${l.code}`);
    seen.add(l.code);
    if (!nodes.has(l.nodeCode)) problems.push(`lead-in ${l.code}: unknown area, section or item ${l.nodeCode}`);
    if (!l.code.startsWith(`${l.nodeCode}-L`))
      problems.push(`lead-in ${l.code}: code does not start with ${l.nodeCode}`);
  }
  const targets = new Map(text.sectionTargets.map((t) => [t.sectionCode, t]));
  for (const t of text.sectionTargets) {
    const lead = leadIns.get(t.leadInCode);
    if (!lead) problems.push(`section target ${t.sectionCode}: unknown lead-in ${t.leadInCode}`);
    else if (!lead.quote.includes(t.wording))
      problems.push(`section target ${t.sectionCode}: 「${t.wording}」 is not in lead-in ${t.leadInCode}`);
    for (const id of t.milestoneIds)
      if (!milestones.has(id)) problems.push(`section target ${t.sectionCode}: unknown milestone ${id}`);
  }
  const byCode = new Map(measures.map((m) => [m.code, m]));
  for (const s of text.steps) {
    const m = byCode.get(s.measureCode);
    if (!m) problems.push(`step of ${s.measureCode}: unknown measure`);
    const where = s.source === '2-1' ? (packages.get(s.packageId ?? '')?.text ?? '') : (m?.quote ?? '');
    if (!where.includes(s.wording)) problems.push(`step of ${s.measureCode}: 「${s.wording}」 is not in its source`);
  }
  for (const m of measures) {
    const ms = m.milestoneIds ?? [];
    if (ms.includes('tokyo2020-olympics') && !ms.includes('tokyo2020-paralympics'))
      problems.push(`measure ${m.code}: linked to the Olympics without the Paralympics`);
    if (!m.due) continue;
    const target = targets.get(sectionOf.get(m.itemCode) ?? '');
    if (target && m.due.wording === target.wording)
      problems.push(
        `measure ${m.code}: the section’s target 「${target.wording}」 is stored as the measure’s deadline`,
      );
    // A measure's own deadline is worded in its own sentence, or in the 資料2-1 entries it carries.
    const own =
      m.due.source === '2-3'
        ? m.quote
        : (m.packageIds ?? [])
            .map((id) => `${packages.get(id)?.text ?? ''} ${packages.get(id)?.wording ?? ''}`)
            .join(' ');
    if (!own.includes(m.due.wording))
      problems.push(`measure ${m.code}: deadline 「${m.due.wording}」 is not in its own text (${m.due.source})`);
  }
  return problems;
}
