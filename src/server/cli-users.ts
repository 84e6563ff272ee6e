import { parseArgs } from 'node:util';
import { UserCreateBodySchema } from '@/domain/contract';
import { nodeHasher } from './auth/passwords';
import { newUserRecord } from './auth/users';
import type { Clock } from './clock';
import { passwordError } from './routes/session';
import type { Store } from './store/port';

export const USER_USAGE = `  user add --email E --name N --role R [--ministry M] [--temporary]
                           create a user; the password is read from standard input
                           (roles: nisc_admin, nisc_staff, liaison, viewer; a liaison needs --ministry)
  user list                list users`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `user add` / `user list` for operators; refuses what the API would refuse, and audits as "cli". */
export async function userCommand(store: Store, clock: Clock, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    for (const u of await store.listUsers()) {
      console.log(
        [
          u.email,
          u.role,
          u.ministryId ?? '-',
          u.disabled ? 'disabled' : 'active',
          u.totpEnabled ? 'totp' : 'no-totp',
        ].join('\t'),
      );
    }
    return 0;
  }
  if (sub !== 'add') return 2;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      ministry: { type: 'string' },
      temporary: { type: 'boolean' },
    },
    strict: true,
  });
  const password = await readStdin();
  const parsed = UserCreateBodySchema.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    ministryId: values.ministry ?? null,
    password,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`  ${i.path.join('.') || '(input)'}: ${i.message}`);
    return 1;
  }
  const body = parsed.data;
  const weak = passwordError(body.password, body);
  if (weak) {
    console.error(`  password: ${weak.message}`);
    return 1;
  }
  const snapshot = await store.snapshot();
  if (body.role === 'liaison' && !snapshot.organisations.some((o) => o.id === body.ministryId && o.assignable)) {
    console.error(
      `  ministry: 府省庁担当者には存在する府省庁が必要です / a liaison needs an existing ministry (--ministry ${snapshot.organisations
        .filter((o) => o.assignable)
        .map((o) => o.id)
        .join('|')})`,
    );
    return 1;
  }
  if (await store.getUserByEmail(body.email)) {
    console.error(`  email: ${body.email} is already registered / 登録済みです`);
    return 1;
  }
  const user = await newUserRecord(
    {
      ...body,
      ministryId: body.ministryId ?? null,
      mustChangePassword: values.temporary === true,
      now: clock.now(),
    },
    nodeHasher,
  );
  await store.commit(
    [{ kind: 'user', expectVersion: null, next: user }],
    [
      {
        at: clock.now(),
        actor: 'cli',
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        before: undefined,
        after: { email: user.email, role: user.role, ministryId: user.ministryId },
        requestId: null,
      },
    ],
  );
  console.log(`created ${user.role} ${user.email}${user.ministryId ? ` (${user.ministryId})` : ''}`);
  return 0;
}
