import { z } from 'zod';

/** The server's configuration, parsed once at start-up; a bad value stops it with a clear message. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, { message: 'DATABASE_URL must look like file:path/to/tracker.db' })
    .default('file:data/tracker.db'),
  STATIC_DIR: z.string().default('dist/client'),
});
export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return result.data;
}

export function databasePath(url: string): string {
  return url.replace(/^file:/, '');
}
