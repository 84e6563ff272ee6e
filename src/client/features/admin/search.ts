import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';

/** The audit trail's filters live in the URL: a filtered view is a link an auditor can share. */
export const AuditSearchSchema = z.object({
  actor: z.string().max(254).optional().catch(undefined),
  entity: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  from: IsoDateSchema.optional().catch(undefined),
  to: IsoDateSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearchSchema>;

export const AUDIT_PAGE_SIZE = 50;
