import { serve } from '@hono/node-server';
import { createApp } from './app';
import { nodeRenderers } from './annual/node-renderers';
import { createUploadPool } from './annual/upload-pool';
import { nodeHasher } from './auth/passwords';
import { ensureFirstAdmin, seedIfEmpty } from './bootstrap';
import { capConnections, SERVER_OPTIONS } from './connection-limits';
import { systemClock } from './clock';
import { appConfig, backupConfig, parseEnv } from './env';
import { createBackupScheduler } from './backups/scheduler';
import { backupSource } from './backups/take-backup';
import { describeSchedule } from './backups/schedule';
import { createFigureWarmer, warmPlanCache } from './plan-cache';
import { createRelyingParty } from './oidc/relying-party';
import { parseOidcEnv } from './oidc/settings';
import { createScheduler, outboxTransport, smtpTransport } from './rounds/scheduler';
import { serveSpa } from './static';
import { describeDatabase, openStore } from './store/open';

/** The only Node entry point: configuration, the database, the API and the built SPA. */
async function main() {
  const env = parseEnv(process.env);
  const sso = parseOidcEnv(process.env);
  const path = describeDatabase(env.DATABASE_URL);
  const store = await openStore(env.DATABASE_URL, { poolSize: env.PG_POOL_SIZE });
  const seeded = await seedIfEmpty(store, systemClock);
  if (seeded.seeded) console.log(`seeded ${seeded.measures} measures from seeds/ into ${path}`);
  const admin = await ensureFirstAdmin(store, systemClock, env.ADMIN_EMAIL, nodeHasher);
  if (admin) {
    console.log(
      [
        '',
        '  初回起動：管理者アカウントを作成しました / First start: an administrator account was created',
        `    email:    ${admin.email}`,
        `    password: ${admin.password}   (one-time: change it at first sign-in / 初回サインイン時に変更)`,
        '  This password is shown only now. / このパスワードは今回のみ表示されます。',
        '',
      ].join('\n'),
    );
  }

  const uploads = createUploadPool();
  const figures = createFigureWarmer(store, systemClock, (m, e) => console.error(m, e));
  const reports = nodeRenderers(process.env);
  const app = createApp({
    store,
    clock: systemClock,
    hasher: nodeHasher,
    config: { ...appConfig(env), ...sso.passwords },
    oidc: sso.oidc ? createRelyingParty(sso.oidc) : null,
    log: (m, e) => console.error(m, e),
    reports,
    uploads: uploads.parse,
    afterWrite: figures.schedule,
  });
  // Reminders and mail (issue 12): jobs in the database, sent under a lease; SMTP if configured, else the outbox.
  const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.SMTP_FROM) : outboxTransport;
  const scheduler = createScheduler({
    store,
    clock: systemClock,
    transport,
    publicUrl: appConfig(env).publicUrl,
    log: (m, e) => console.error(m, e),
  });
  scheduler.start();
  // Scheduled backups (decision record 021): only with BACKUP_DIR; one instance takes each slot's.
  const backups = backupConfig(env);
  const backupScheduler =
    backups &&
    createBackupScheduler({
      store,
      clock: systemClock,
      source: backupSource(env.DATABASE_URL),
      ...backups,
      log: (m, e) => (e ? console.error(m, e) : console.log(m)),
    });
  if (backupScheduler && backups) {
    backupScheduler.start();
    console.log(`backups: ${describeSchedule(backups.schedule)} into ${backups.dir}, keeping ${backups.keep}`);
  }
  // Read and index the plan before listening (decision record 003), and compute the overview's
  // figures for the date it opens on: the first request finds them ready. After each write the
  // warmer computes them again in the background (afterWrite above).
  await Promise.all([warmPlanCache(store).then(figures.now), uploads.warm()]);
  serveSpa(app, env.STATIC_DIR);

  const server = serve(
    {
      fetch: app.fetch,
      port: env.PORT,
      hostname: env.HOST,
      // Slow clients are cut off; header size capped (connection-limits.ts, docs/security.md).
      serverOptions: SERVER_OPTIONS,
    },
    (info) => console.log(`tracker listening on http://localhost:${info.port} (database ${path})`),
  );
  // At most 64 open connections per peer address (the socket's, not X-Forwarded-For), 4,096 in all.
  capConnections(server, { behindProxy: env.TRUST_PROXY === 'true' });
  const stop = () => {
    server.close();
    void Promise.allSettled([
      scheduler.stop().then(() => transport.close()),
      backupScheduler?.stop(),
      uploads.close(),
      reports.close(),
      figures.idle().then(() => store.close()),
    ]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
