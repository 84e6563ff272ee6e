import type { MeasureRecord } from './model';

/** The Games' two milestones: measures tagged for either count towards the Tokyo 2020 countdown. */
export const TOKYO2020_MILESTONE_IDS = ['tokyo2020-olympics', 'tokyo2020-paralympics'] as const;
/** The countdown runs to the opening of the Olympic Games. */
export const TOKYO2020_OPENING_ID = 'tokyo2020-olympics';

/** A measure needed before the Games: linked to either milestone (the countdown's set). */
export function isTokyo2020Measure(m: Pick<MeasureRecord, 'milestoneIds'>): boolean {
  return m.milestoneIds.some((id) => (TOKYO2020_MILESTONE_IDS as readonly string[]).includes(id));
}
