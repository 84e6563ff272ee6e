export const ministryKeys = {
  all: ['ministry'] as const,
  summary: (id: string, asOf: string | undefined) => ['ministry', 'summary', id, { asOf }] as const,
};
