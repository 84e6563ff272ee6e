import { BackupListSchema } from '@/domain/contract';
import type { RouteSpec } from './routes';

/** Operations an administrator watches (issue 13): the scheduled backups. */
export const OPS_ROUTES = {
  listBackups: {
    method: 'get',
    path: '/api/admin/backups',
    operationId: 'listBackups',
    summary: 'Scheduled backups: the schedule, and each slot with its file, size, verification, attempts and error',
    access: 'audit.read',
    response: BackupListSchema,
  },
} as const satisfies Record<string, RouteSpec>;
