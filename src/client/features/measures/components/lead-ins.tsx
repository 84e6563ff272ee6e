import type { MeasureDetail, Strategy } from '@/domain/contract';
import { dateLabel } from '@/domain/plan';
import { leadInsFor, type LeadIn, type SectionTarget } from '@/domain/plan';
import { SourceText } from '@/client/components/source-text';
import { useI18n } from '@/client/lib/i18n';
import { useStrategy } from '@/client/features/strategy/api/get-strategy';
import './lead-ins.css';

/** A section's target as the text words it (5.1.1 「2020 年までに」), with the goal it sets. */
function TargetLine({ target }: { target: SectionTarget }) {
  const { t, l, lang } = useI18n();
  return (
    <p className="section-target">
      <strong>
        {t('sectionTarget')}（{target.sectionCode}）
      </strong>{' '}
      <span lang="ja">「{target.wording}」</span>（{dateLabel(target.date, lang)}）: {l(target.goal)}
    </p>
  );
}

function LeadInCard({ leadIns, target }: { leadIns: LeadIn[]; target: SectionTarget | undefined }) {
  const { t } = useI18n();
  if (leadIns.length === 0 && !target) return null;
  return (
    <section aria-labelledby="lead-ins-title" className="card lead-ins">
      <h2 id="lead-ins-title">{t('leadInsTitle')}</h2>
      <p className="sub">{t('leadInsNote')}</p>
      {target && <TargetLine target={target} />}
      <ul>
        {leadIns.map((li) => (
          <li key={li.code}>
            <span className="code">{li.code}</span>
            <blockquote lang="ja">
              <SourceText text={li.quote} />
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

function sectionScope(s: Strategy, area: string | undefined, section: string | undefined): string[] {
  if (section) return [section, ...s.items.filter((i) => i.sectionCode === section).map((i) => i.code)];
  return area ? [area] : [];
}

/** On the measures list filtered to an area or a section: what the text commits to there. */
export function SectionLeadIns({ area, section }: { area?: string; section?: string }) {
  const strategy = useStrategy().data;
  if (!strategy || (!area && !section)) return null;
  const target = strategy.sectionTargets.find((x) => x.sectionCode === section);
  return <LeadInCard leadIns={leadInsFor(strategy.leadIns, sectionScope(strategy, area, section))} target={target} />;
}

/** On a measure's page: the lead-ins of its area, section and items, its section's target, its dated steps. */
export function MeasureLeadIns({ measure: m }: { measure: MeasureDetail }) {
  const { t, l, lang } = useI18n();
  const strategy = useStrategy().data;
  if (!strategy) return null;
  const chain = m.breadcrumb.map((b) => b.code);
  const target = strategy.sectionTargets.find((x) => x.sectionCode === m.sectionCode);
  const steps = strategy.steps.filter((s) => s.measureCode === m.code);
  return (
    <>
      <LeadInCard leadIns={leadInsFor(strategy.leadIns, chain)} target={target} />
      {steps.length > 0 && (
        <section aria-labelledby="steps-title" className="card">
          <h2 id="steps-title">{t('stepsTitle')}</h2>
          <ul>
            {steps.map((s) => (
              <li key={`${s.date}-${s.title.ja}`}>
                {l(s.title)} — <span lang="ja">「{s.wording}」</span>（{dateLabel(s.date, lang)}）
                {s.packageId && <span className="sub"> 資料2-1 {s.packageId}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
