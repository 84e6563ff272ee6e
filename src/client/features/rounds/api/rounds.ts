import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ErrorBodySchema } from '@/domain/contract';
import {
  BulkReviewResultSchema,
  ChecklistSchema,
  RoundDetailSchema,
  RoundImportReportSchema,
  RoundListSchema,
  RoundRowSchema,
  type AnswerInput,
  type RoundCreateBody,
  type RoundImportReport,
} from '@/domain/rounds';
import { ApiError, apiGet, apiSend, apiUpload, toSearch } from '@/client/lib/api-client';

/** Hierarchical keys: invalidating ['rounds'] refreshes the list, every board and every checklist. */
export const roundKeys = {
  all: ['rounds'] as const,
  list: () => ['rounds', 'list'] as const,
  detail: (id: string) => ['rounds', 'detail', id] as const,
  checklist: (id: string, ministryId: string) => ['rounds', 'checklist', id, ministryId] as const,
};

export const getRoundsQueryOptions = () =>
  queryOptions({ queryKey: roundKeys.list(), queryFn: ({ signal }) => apiGet('/rounds', RoundListSchema, {}, signal) });
export const useRounds = () => useQuery(getRoundsQueryOptions());

export const getRoundQueryOptions = (id: string) =>
  queryOptions({
    queryKey: roundKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/rounds/${encodeURIComponent(id)}`, RoundDetailSchema, {}, signal),
  });
export const useRound = (id: string) => useQuery(getRoundQueryOptions(id));

export const getChecklistQueryOptions = (id: string, ministryId: string) =>
  queryOptions({
    queryKey: roundKeys.checklist(id, ministryId),
    queryFn: ({ signal }) =>
      apiGet(
        `/rounds/${encodeURIComponent(id)}/ministries/${encodeURIComponent(ministryId)}`,
        ChecklistSchema,
        {},
        signal,
      ),
  });
export const useChecklist = (id: string, ministryId: string) => useQuery(getChecklistQueryOptions(id, ministryId));

function useRoundMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: roundKeys.all }),
  });
}

export const useOpenRound = () =>
  useRoundMutation((body: RoundCreateBody) => apiSend('POST', '/rounds', body, { schema: RoundDetailSchema }));

export const useUpdateRound = () =>
  useRoundMutation(({ id, version, ...body }: { id: string; version: number; dueOn?: string; state?: 'closed' }) =>
    apiSend('PATCH', `/rounds/${encodeURIComponent(id)}`, body, { schema: RoundDetailSchema, ifMatch: version }),
  );

export const useAnswer = () =>
  useRoundMutation(({ roundId, answers }: { roundId: string; answers: AnswerInput[] }) =>
    apiSend(
      'POST',
      `/rounds/${encodeURIComponent(roundId)}/answers`,
      { answers },
      {
        schema: z.object({ items: z.array(RoundRowSchema) }),
      },
    ),
  );

export const useReviewRow = () =>
  useRoundMutation(
    ({
      roundId,
      rowId,
      version,
      decision,
      comment,
    }: {
      roundId: string;
      rowId: string;
      version: number;
      decision: 'accept' | 'return';
      comment?: string;
    }) =>
      apiSend(
        'POST',
        `/rounds/${encodeURIComponent(roundId)}/answers/${encodeURIComponent(rowId)}/${decision}`,
        comment ? { comment } : {},
        {
          schema: RoundRowSchema,
          ifMatch: version,
        },
      ),
  );

export const useReviewMinistry = () =>
  useRoundMutation(
    ({
      roundId,
      ministryId,
      ...body
    }: {
      roundId: string;
      ministryId: string;
      decision: 'accept' | 'return';
      rows: { id: string; version: number }[];
      comment?: string;
    }) =>
      apiSend(
        'POST',
        `/rounds/${encodeURIComponent(roundId)}/ministries/${encodeURIComponent(ministryId)}/review`,
        body,
        {
          schema: BulkReviewResultSchema,
        },
      ),
  );

/** The report comes back with 200 (dry run or committed) and 422 (rows with problems: nothing written). */
export async function importRoundFile(roundId: string, file: File, dryRun: boolean): Promise<RoundImportReport> {
  const form = new FormData();
  form.set('file', file, file.name);
  const { status, body } = await apiUpload(
    `/rounds/${encodeURIComponent(roundId)}/import${toSearch({ dryRun: String(dryRun) })}`,
    form,
  );
  const report = RoundImportReportSchema.safeParse(body);
  if (report.success && (status === 200 || status === 422)) return report.data;
  const error = ErrorBodySchema.safeParse(body);
  if (error.success)
    throw new ApiError(status, error.data.error.code, error.data.error.message, error.data.error.issues);
  throw new ApiError(status, 'http_error', `HTTP ${status}`);
}
export const useImportRound = () =>
  useRoundMutation(({ roundId, file, dryRun }: { roundId: string; file: File; dryRun: boolean }) =>
    importRoundFile(roundId, file, dryRun),
  );

export const templateHref = (roundId: string, ministryId: string | null) =>
  `/api/rounds/${encodeURIComponent(roundId)}/template${toSearch({ ministry: ministryId ?? undefined, format: 'xlsx' })}`;
