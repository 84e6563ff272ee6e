import { z } from 'zod';
import type { LocalizedText } from './i18n';

/** What staff record. 未着手 / 実施中 / 完了 / 中止. */
export const STATUSES = ['not_started', 'in_progress', 'completed', 'suspended'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const STATUS_LABELS: Record<Status, LocalizedText> = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_progress: { ja: '実施中', en: 'In progress' },
  completed: { ja: '完了', en: 'Completed' },
  suspended: { ja: '中止', en: 'Suspended' },
};

/** The packet's own words: 対応中 (in hand) and 対応済 (done). */
export function statusFromSeedWording(wording: string): Status {
  switch (wording) {
    case '対応済':
      return 'completed';
    case '対応中':
      return 'in_progress';
    case '未着手':
      return 'not_started';
    default:
      throw new RangeError(`unknown status wording: ${wording}`);
  }
}

/** Computed for an as-of date; never stored. See health.ts. */
export const HEALTHS = ['on_track', 'at_risk', 'overdue', 'done', 'suspended'] as const;
export const HealthSchema = z.enum(HEALTHS);
export type Health = z.infer<typeof HealthSchema>;

export const HEALTH_LABELS: Record<Health, LocalizedText> = {
  on_track: { ja: '順調', en: 'On track' },
  at_risk: { ja: '要注意', en: 'At risk' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  done: { ja: '完了', en: 'Done' },
  suspended: { ja: '中止', en: 'Suspended' },
};

/** A staff override of the computed health, always shown beside it, never merged into it. */
export const RAGS = ['green', 'amber', 'red'] as const;
export const RagSchema = z.enum(RAGS);
export type Rag = z.infer<typeof RagSchema>;

export const RAG_LABELS: Record<Rag, LocalizedText> = {
  green: { ja: '緑（順調）', en: 'Green' },
  amber: { ja: '黄（注意）', en: 'Amber' },
  red: { ja: '赤（危険）', en: 'Red' },
};

export const ROLES = ['lead', 'contributing'] as const;
export const AssignmentRoleSchema = z.enum(ROLES);
export type AssignmentRole = z.infer<typeof AssignmentRoleSchema>;

export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, LocalizedText> = {
  lead: { ja: '主担当', en: 'Lead' },
  contributing: { ja: '関係', en: 'Contributing' },
};

/** Whether the strategy text names the ministry, implies it through a body, or names no one. */
export const PROVENANCES = ['named', 'implied', 'proposed'] as const;
export const ProvenanceSchema = z.enum(PROVENANCES);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const PROVENANCE_LABELS: Record<Provenance, LocalizedText> = {
  named: { ja: '本文に明記', en: 'Named in the text' },
  implied: { ja: '本文から推定', en: 'Implied by the text' },
  proposed: { ja: '案（未確認）', en: 'Proposed (unconfirmed)' },
};
