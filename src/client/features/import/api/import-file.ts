import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorBodySchema } from '@/domain/contract';
import { ImportReportSchema, type ImportReport } from '@/domain/contract';
import { ApiError, apiUpload, toSearch } from '@/client/lib/api-client';

export type ImportInput = { file: File; dryRun: boolean; ministry?: string };

/**
 * POST /api/import. The report comes back with 200 (dry run, or committed) and with 422 (rows with
 * problems: nothing written); both are results to show, anything else is an error.
 */
export async function importFile({ file, dryRun, ministry }: ImportInput): Promise<ImportReport> {
  const form = new FormData();
  form.set('file', file, file.name);
  const { status, body } = await apiUpload(
    `/import${toSearch({ dryRun: dryRun ? 'true' : undefined, ministry })}`,
    form,
  );
  const report = ImportReportSchema.safeParse(body);
  if (report.success && (status === 200 || status === 422)) return report.data;
  const error = ErrorBodySchema.safeParse(body);
  if (error.success)
    throw new ApiError(status, error.data.error.code, error.data.error.message, error.data.error.issues);
  throw new ApiError(status, 'http_error', `HTTP ${status}`);
}

export function useImportFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importFile,
    onSuccess: (report) => {
      // A committed import changes measures, submissions and plans: refresh what shows them.
      if (report.summary.committed) void queryClient.invalidateQueries();
    },
  });
}

export function templateUrl(p: { ministry?: string; fy: number; format: 'csv' | 'xlsx'; encoding?: 'utf8' | 'sjis' }) {
  return `/api/export/template${toSearch({ ministry: p.ministry, fy: p.fy, format: p.format, encoding: p.encoding })}`;
}
