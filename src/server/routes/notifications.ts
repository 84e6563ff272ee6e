import { Hono } from 'hono';
import { ROUND_ROUTES } from '@/domain/routes';
import type { AppEnv, Deps } from '../context';
import { parseBody } from '../middleware';
import { settingsOf } from '../rounds/notify';

/** My notifications (newest 100), marking them read, my mail settings; the administrators' outbox. */
export function notificationRoutes(deps: Deps) {
  const { store, clock } = deps;
  const app = new Hono<AppEnv>();

  app.get('/notifications', async (c) => {
    const user = c.get('user')!;
    const { items, unread } = await store.listNotifications(user.id, 100);
    return c.json({ items, unread, settings: await settingsOf(store, user.id) });
  });

  app.post('/notifications/read', async (c) => {
    const body = await parseBody(c, ROUND_ROUTES.readNotifications.body);
    const user = c.get('user')!;
    const unread = await store.markNotificationsRead(user.id, body.all ? null : (body.ids ?? []), clock.now());
    return c.json({ unread });
  });

  app.patch('/notifications/settings', async (c) => {
    const body = await parseBody(c, ROUND_ROUTES.updateNotificationSettings.body);
    const user = c.get('user')!;
    const before = await settingsOf(store, user.id);
    const next = { language: body.language, mailOff: [...new Set(body.mailOff)] };
    await store.setNotificationSettings(user.id, next);
    await store.commit(
      [],
      [
        {
          at: clock.now(),
          actor: user.email,
          action: 'notification.settings',
          entity: 'user',
          entityId: user.id,
          before,
          after: next,
          requestId: c.get('requestId') ?? null,
        },
      ],
    );
    return c.json(next);
  });

  app.get('/outbox', async (c) => c.json({ items: await store.listMailJobs(200) }));
  return app;
}
