import { expect } from 'vitest';
import type { RoundDetail } from '@/domain/rounds';
import { json, type World } from './world';

/** A round as staff open it in the tests (issue 12): npa and nisc, due three weeks after 2016-03-31. */
export const ROUND_BODY = {
  title: '平成28年度第1四半期 進捗照会',
  kind: 'quarterly',
  fy: 2016,
  asOf: '2016-03-31',
  dueOn: '2016-04-20',
  ministryIds: ['npa', 'nisc'],
  instructions: '各府省庁の担当施策について状況を回答してください。',
} as const;

/** Opens a round as NISC staff through the API. */
export async function openRound(w: World, body: Record<string, unknown> = ROUND_BODY): Promise<RoundDetail> {
  const staff = await w.as('staff');
  const res = await staff.post('/api/rounds', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return json<RoundDetail>(res);
}
