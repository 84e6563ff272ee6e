import { z } from 'zod';

/** Where to go once signed in (or once a required step is done); checked again before use (navigation.ts). */
export const RedirectSearchSchema = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
});
