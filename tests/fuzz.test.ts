import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AsOfQuerySchema, MeasureListQuerySchema, StatsQuerySchema } from '@/domain/contract';
import {
  ChangePasswordBodySchema,
  TotpStartBodySchema,
  SignInBodySchema,
  UserCreateBodySchema,
  UserPatchBodySchema,
} from '@/domain/contract';
import {
  ApproveBodySchema,
  AssignmentPatchBodySchema,
  AuditQuerySchema,
  MeasurePatchBodySchema,
  MilestonePatchBodySchema,
  ReturnBodySchema,
  SubmissionCreateBodySchema,
  SubmissionListQuerySchema,
  type Submission,
} from '@/domain/contract';
import { newUserRecord } from '../src/server/auth/users';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import type { Store } from '../src/server/store/port';
import { nodeHasher } from '../src/server/auth/passwords';
import { client, TEST_PASSWORD, TEST_USERS } from '../src/server/testing';
import { createWorld, MEASURE, MILESTONE, SHARED_MEASURE, type Client, type World } from './support/world';

/**
 * Hostile input, generated from the contract's own schemas (via their JSON Schema): wrong types,
 * missing and unknown fields, prototype keys, out-of-range numbers, huge and strange strings, broken
 * JSON, wrong content types, bad If-Match values, and hostile query strings. Never a 5xx; a rejected
 * request (and any read) leaves the database exactly as it was.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_150_904); // 2015-09-04: the strategy's cabinet decision
const BODY_RUNS = 10_000;
const QUERY_RUNS = 2_500;

// ---------------------------------------------------------------------------------------------
// Values driven by the schemas

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};
const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Strings worth trying anywhere: near-valid dates and ids, injections, formulas, odd Unicode. */
const INTERESTING = [
  '',
  ' ',
  '\t\n',
  '2016-03-31',
  '2016-02-30',
  '2019-02-29',
  '2020-02-29',
  '0000-00-00',
  '9999-12-31',
  '2016-3-1',
  '2016-03-31T00:00:00Z',
  'nisc',
  'npa',
  'mic',
  'police',
  MEASURE,
  SHARED_MEASURE,
  MILESTONE,
  TEST_USERS.staff.email,
  TEST_USERS.admin.email,
  TEST_PASSWORD,
  'a@b.jp',
  '+cmd@evil.example',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example")',
  '../../etc/passwd',
  '%00',
  '%zz',
  '\u0000',
  '\u202e\u202d',
  '\ud800',
  '\udfff\ud800',
  '𠮷野家',
  'ｎｉｓｃ',
  'NISC',
  'İ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e999',
  '0x10',
  '123456',
  '12345',
  '1234567',
  '__proto__',
  'constructor',
  'completed',
  'nisc_admin',
];
/**
 * Realistic values by field name, so some requests get past validation into the business rules
 * (real ids, current versions, dates that exist) and a write hidden there would be caught too.
 */
const HINTS: Record<string, unknown[]> = {
  measureId: [MEASURE, SHARED_MEASURE],
  ministryId: ['nisc', 'npa', 'mic', null],
  baseVersion: [1, 2],
  email: [TEST_USERS.staff.email, TEST_USERS.viewer.email, 'New.Person@nisc.example.go.jp'],
  password: [TEST_PASSWORD, 'wrong-password-123'],
  currentPassword: [TEST_PASSWORD],
  newPassword: ['hydrangea-season-in-kamakura', 'password1234'],
  resetPassword: ['hydrangea-season-in-kamakura', 'short'],
  totp: ['123456'],
  start: ['2019-09-20', '2021-07-23'],
  end: ['2019-11-03', '2019-09-01', '2021-08-08'],
  date: ['2018-03-31', null],
  wording: ['平成29年度末まで', null],
  comment: ['確認', 'c'],
  reason: ['延期 / postponed'],
  name: ['霞が関 太郎'],
  narrative: ['進捗あり', ''],
  progress: [0, 50, 100],
};
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isAdmin',
  'role',
  'version',
  'id',
  'state',
  'actor',
];

const bigString = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)), // around the 256 KiB body limit
  fc.nat({ max: 20_000 }).map((n) => '𠮷'.repeat(n)),
  fc.nat({ max: 5_000 }).map((n) => '\u0000\ud800'.repeat(n)),
);
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() }, // NaN and ±Infinity become null in JSON
  { weight: 2, arbitrary: fc.constantFrom(2 ** 53 + 1, -0, 1e308, -2_147_483_649, Number.MAX_SAFE_INTEGER, 0.1) },
  { weight: 4, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: bigString },
);
const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
const { anyValue } = fc.letrec<{ anyValue: unknown }>((tie) => ({
  anyValue: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'value' },
    hostileScalar,
    fc.array(tie('anyValue'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('anyValue')), { maxLength: 4 }).map((entries) => new RawObject(entries)),
  ),
}));

/** An object as a list of entries, so keys like `__proto__` and duplicates reach the JSON text. */
class RawObject {
  constructor(readonly entries: [string, unknown][]) {}
}
function toJsonText(value: unknown): string {
  if (value instanceof RawObject)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

function validValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map(validValue));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const options: fc.Arbitrary<unknown>[] = [];
  for (const type of types) {
    if (type === 'null') options.push(fc.constant(null));
    if (type === 'boolean') options.push(fc.boolean());
    if (type === 'integer')
      options.push(fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e9), max: Math.min(s.maximum ?? 1e6, 1e9) }));
    if (type === 'string') {
      const maxLength = Math.min(s.maxLength ?? 40, 40);
      options.push(
        s.pattern
          ? fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? Infinity))
          : fc.oneof(
              fc.string({ minLength: s.minLength ?? 0, maxLength: Math.max(maxLength, s.minLength ?? 0) }),
              fc.constantFrom(...INTERESTING).filter((x) => x.length >= (s.minLength ?? 0)),
            ),
      );
    }
    if (type === 'object') options.push(validObject(s));
  }
  return options.length ? fc.oneof(...options) : anyValue;
}

/** A value this field must refuse: the wrong type, just out of range, too long, not in the vocabulary. */
function invalidValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .constantFrom(null, true, 1, 'x', [], {})
      .map((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? new RawObject([]) : v)),
  ];
  if (s.enum)
    options.push(fc.constantFrom(...s.enum.map((v) => String(v).toUpperCase()), ...s.enum.map((v) => ` ${String(v)}`)));
  if (s.maxLength !== undefined) options.push(fc.constant('y'.repeat(s.maxLength + 1)));
  if (s.minLength) options.push(fc.constant(''));
  if (s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
  if (s.maximum !== undefined && s.maximum < 1e9) options.push(fc.constant(s.maximum + 1));
  if (s.type === 'integer') options.push(fc.constantFrom(0.5, '50', 1e21, Number.NaN, Infinity));
  if (s.properties) options.push(objectValue(s));
  return fc.oneof(...options);
}

/** A value the schema accepts, realistic where the field name has hints (real ids, existing dates). */
function goodValue(schema: JsonSchema, key: string): fc.Arbitrary<unknown> {
  const hints = HINTS[key];
  return hints ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints) }, validValue(schema)) : validValue(schema);
}

/** Every required field valid, optional ones maybe: a body that may well be accepted. */
function validObject(s: JsonSchema): fc.Arbitrary<RawObject> {
  const props = Object.entries(s.properties ?? {});
  return fc
    .record(Object.fromEntries(props.map(([k, schema]) => [k, goodValue(schema, k)])), {
      requiredKeys: s.required ?? [],
    })
    .map((r) => new RawObject(Object.entries(r)));
}

/**
 * An object for a schema, two ways: fields scattered (each valid, invalid or anything, or absent),
 * or a valid object with one thing wrong (a field invalid, one missing, an extra key) or nothing
 * wrong, so the business rules behind validation are exercised too.
 */
function objectValue(s: JsonSchema): fc.Arbitrary<RawObject> {
  const props = Object.entries(s.properties ?? {});
  const schemaOf = new Map(props);
  // Arbitraries are costly to build: make them once per schema, not per generated value.
  const invalidOf = new Map(props.map(([k, schema]) => [k, invalidValue(schema)]));
  const field = (schema: JsonSchema, key: string) =>
    fc.oneof(
      { weight: 5, arbitrary: goodValue(schema, key) },
      { weight: 3, arbitrary: invalidOf.get(key)! },
      { weight: 1, arbitrary: anyValue },
    );
  const extraKey = fc.oneof(hostileKey, fc.constantFrom(...props.map(([k]) => k), 'x'));
  const scattered = fc
    .tuple(
      fc.record(Object.fromEntries(props.map(([k, schema]) => [k, field(schema, k)])), { requiredKeys: [] }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as [string, unknown][]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, anyValue), { maxLength: 3 }) },
      ),
    )
    .map(([known, extra]) => new RawObject([...Object.entries(known), ...extra]));
  const oneWrong = validObject(s).chain((o) => {
    const keys = o.entries.map(([k]) => k);
    const options: fc.Arbitrary<RawObject>[] = [
      fc.constant(o),
      fc.tuple(extraKey, anyValue).map((extra) => new RawObject([...o.entries, extra])),
    ];
    if (keys.length) {
      const pick = fc.constantFrom(...keys);
      options.push(
        pick.chain((k) =>
          (invalidOf.get(k) ?? invalidValue(schemaOf.get(k) ?? {})).map(
            (v) => new RawObject(o.entries.map(([key, old]) => [key, key === k ? v : old])),
          ),
        ),
        pick.map((k) => new RawObject(o.entries.filter(([key]) => key !== k))),
      );
    }
    return fc.oneof(...options);
  });
  return fc.oneof(scattered, oneWrong);
}

const brokenJson = (schema: JsonSchema) =>
  fc.oneof(
    objectValue(schema).chain((o) => {
      const text = toJsonText(o);
      return fc.nat({ max: Math.max(text.length - 1, 0) }).map((n) => text.slice(0, n));
    }),
    fc.constantFrom(
      '{',
      '}',
      '[',
      '',
      ' ',
      '{"comment":"x",}',
      "{'comment':'x'}",
      '{"comment":"x"}garbage',
      '{"comment":"x"}{"comment":"y"}',
      'NaN',
      '\uFEFF{}',
      '{"a":"\\ud800"}',
      '{"a":1e999}',
      '{"a":"\\u0000"}',
      '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      `{"comment":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    ),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

const bodyText = (schema: z.ZodType) => {
  const js = jsonSchemaOf(schema);
  return fc.oneof(
    { weight: 10, arbitrary: objectValue(js).map(toJsonText) },
    { weight: 2, arbitrary: anyValue.map(toJsonText) }, // not an object at all
    { weight: 2, arbitrary: brokenJson(js) },
  );
};

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'APPLICATION/JSON',
      'application/jsonx',
      'text/json',
      ';;;',
    ),
  },
);
const ifMatch = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<string | undefined>('"1"', '"2"', '1', 'W/"1"') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      '',
      '*',
      '"-1"',
      '"1e3"',
      '"99999999999"',
      '"1", "2"',
      '"0x1"',
      '" 1"',
      'W/',
      `"${'9'.repeat(10_000)}"`,
      'é',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, // printable ASCII: a valid header value
);
/** encodeURIComponent, with lone surrogates as U+FFFD (a URL cannot carry them; the parser does the same). */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
const pathId = (real: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...INTERESTING)).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '..', '%2e%2e', '%2F', 'a%00b') },
  );

// ---------------------------------------------------------------------------------------------
// The world: SQLite (so every row written is counted), sessions for each role

let w: World;
let db: Database.Database;
let sessions: Record<'admin' | 'staff' | 'liaison' | 'viewer' | 'reauth', Client>;
let pending: string[];
/** Accounts only the PATCH /api/users fuzz touches: disabling or resetting them ends no session the run uses. */
let victims: string[];

beforeAll(async () => {
  db = openDatabase(':memory:');
  // trustProxy: each sign-in attempt comes from its own address, so the per-address throttle does not
  // turn the rest of the run into cheap 429s before the body is even read.
  w = await createWorld({ store: createSqliteStore(db), config: { trustProxy: true } });
  sessions = {
    admin: await w.as('admin'),
    staff: await w.as('staff'),
    liaison: await w.as('liaison'),
    viewer: await w.as('viewer'),
    reauth: await reauthAccountSession(),
  };
  victims = [];
  for (const [i, role] of (['viewer', 'liaison'] as const).entries()) {
    const u = await newUserRecord(
      {
        email: `victim${i}@nisc.example.go.jp`,
        name: `Victim ${i}`,
        role,
        ministryId: role === 'liaison' ? 'mic' : null,
        password: TEST_PASSWORD,
        mustChangePassword: false,
        now: w.clock.now(),
      },
      nodeHasher,
    );
    await w.store.commit([{ kind: 'user', expectVersion: null, next: u }], []);
    victims.push(u.id);
  }
  pending = [];
  for (let i = 0; i < 5; i++) {
    const a = await w.assignment(SHARED_MEASURE, 'npa');
    const s: Submission = {
      id: `fuzz-pending-${i}`,
      measureId: a.measureId,
      ministryId: 'npa',
      baseVersion: a.version,
      status: 'in_progress',
      progress: 10 * i,
      narrative: `fuzz ${i}`,
      evidence: '',
      state: 'pending',
      submittedBy: TEST_USERS.liaison.email,
      submittedAt: w.clock.now(),
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      version: 1,
    };
    await w.store.commit([{ kind: 'submission', expectVersion: null, next: s }], []);
    pending.push(s.id);
  }
});

/**
 * A viewer of its own for the routes that re-check the password: its wrong guesses end its session
 * (and it is signed in again), and the sign-in fuzz, which targets the test accounts, cannot lock it.
 */
const REAUTH_EMAIL = 'reauth-fuzz@nisc.example.go.jp';
/** The fuzz offers the real password among its values, so a password change can succeed: follow it. */
let reauthPassword = TEST_PASSWORD;
async function reauthAccountSession(): Promise<Client> {
  if (!(await w.store.getUserByEmail(REAUTH_EMAIL))) {
    const u = await newUserRecord(
      {
        email: REAUTH_EMAIL,
        name: 'Reauth fuzz',
        role: 'viewer',
        ministryId: null,
        password: TEST_PASSWORD,
        mustChangePassword: false,
        now: w.clock.now(),
      },
      nodeHasher,
    );
    await w.store.commit([{ kind: 'user', expectVersion: null, next: u }], []);
  }
  const res = await w.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.77' },
    body: JSON.stringify({ email: REAUTH_EMAIL, password: reauthPassword }),
  });
  if (res.status !== 200) throw new Error(`reauth account sign-in failed: ${res.status} ${await res.text()}`);
  const session = {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
  return Object.assign(client(w.app, session), { session });
}

type Request = {
  label: string;
  who: keyof typeof sessions | null;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: string;
  contentType?: string;
  ifMatch?: string;
  forwardedFor?: string;
};

function bodyRequests(): fc.Arbitrary<Request>[] {
  const write = (
    label: string,
    who: Request['who'],
    method: 'POST' | 'PATCH',
    path: fc.Arbitrary<string>,
    schema: z.ZodType,
    versioned: boolean,
  ) =>
    fc
      .record({
        path,
        body: bodyText(schema),
        contentType,
        ifMatch: versioned ? ifMatch : fc.constant(undefined),
        forwardedFor: fc.ipV4(),
      })
      .map((r): Request => ({ label, who, method, ...r }));
  const enc = encodeURIComponent;
  return [
    write(
      'PATCH measure',
      'admin',
      'PATCH',
      pathId([enc(MEASURE), enc(SHARED_MEASURE)]).map((id) => `/api/measures/${id}`),
      MeasurePatchBodySchema,
      true,
    ),
    write(
      'PATCH assignment',
      'staff',
      'PATCH',
      fc
        .tuple(pathId([enc(MEASURE), enc(SHARED_MEASURE)]), pathId(['nisc', 'npa', 'mic']))
        .map(([m, o]) => `/api/measures/${m}/assignments/${o}`),
      AssignmentPatchBodySchema,
      true,
    ),
    write(
      'PATCH milestone',
      'admin',
      'PATCH',
      pathId([MILESTONE, 'tokyo2020-olympics']).map((id) => `/api/milestones/${id}`),
      MilestonePatchBodySchema,
      true,
    ),
    write(
      'PATCH user',
      'admin',
      'PATCH',
      pathId(victims).map((id) => `/api/users/${id}`),
      UserPatchBodySchema,
      true,
    ),
    write(
      'POST submission (liaison)',
      'liaison',
      'POST',
      fc.constant('/api/submissions'),
      SubmissionCreateBodySchema,
      false,
    ),
    write(
      'POST submission (admin)',
      'admin',
      'POST',
      fc.constant('/api/submissions'),
      SubmissionCreateBodySchema,
      false,
    ),
    write(
      'POST approve',
      'staff',
      'POST',
      pathId(pending).map((id) => `/api/submissions/${id}/approve`),
      ApproveBodySchema,
      true,
    ),
    write(
      'POST return',
      'staff',
      'POST',
      pathId(pending).map((id) => `/api/submissions/${id}/return`),
      ReturnBodySchema,
      true,
    ),
    write('POST user', 'admin', 'POST', fc.constant('/api/users'), UserCreateBodySchema, false),
    write('POST session', null, 'POST', fc.constant('/api/session'), SignInBodySchema, false),
    write('POST password', 'reauth', 'POST', fc.constant('/api/session/password'), ChangePasswordBodySchema, false),
    write('POST totp', 'reauth', 'POST', fc.constant('/api/session/totp'), TotpStartBodySchema, false),
  ];
}

/** A query string from the schema's parameters: known, unknown, repeated, prototype keys; odd values. */
function queryString(schema: z.ZodType): fc.Arbitrary<string> {
  const props = jsonSchemaOf(schema).properties ?? {};
  const known = Object.keys(props);
  const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileKey });
  const value = (k: string) =>
    fc.oneof(
      { weight: 4, arbitrary: props[k] ? validValue(props[k]).map(String) : fc.string({ maxLength: 10 }) },
      { weight: 3, arbitrary: fc.constantFrom(...INTERESTING) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
      { weight: 1, arbitrary: fc.nat({ max: 5_000 }).map((n) => 'q'.repeat(n)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('%', '%zz', '%E3%81', '+', '&', '=', '==', '%00', '-1', '1.5', '1e3', '99999999'),
      },
    );
  const pair = key.chain((k) =>
    fc.tuple(fc.constant(k), value(k), fc.boolean()).map(([k2, v, raw]) =>
      // Raw: what a careless client sends (the URL parser still percent-encodes what it must); `#` would end the URL.
      raw ? `${k2.replace(/#/g, '%23')}=${v.replace(/#/g, '%23')}` : `${encode(k2)}=${encode(v)}`,
    ),
  );
  return fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

function queryRequests(): fc.Arbitrary<Request>[] {
  const read = (label: string, who: Request['who'], path: string, schema: z.ZodType) =>
    queryString(schema).map((q): Request => ({ label, who, method: 'GET', path: `${path}${q}` }));
  return [
    read('GET audit', 'admin', '/api/audit', AuditQuerySchema),
    read('GET submissions (staff)', 'staff', '/api/submissions', SubmissionListQuerySchema),
    read('GET submissions (liaison)', 'liaison', '/api/submissions', SubmissionListQuerySchema),
    read('GET measures', 'viewer', '/api/measures', MeasureListQuerySchema),
    read('GET measure', 'viewer', `/api/measures/${encodeURIComponent(MEASURE)}`, AsOfQuerySchema),
    read('GET stats', 'viewer', '/api/stats', StatsQuerySchema),
  ];
}

// ---------------------------------------------------------------------------------------------
// Sending and checking

async function send(req: Request): Promise<Response> {
  const session = req.who ? sessions[req.who].session : null;
  const headers: Record<string, string> = {
    ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    ...(req.contentType === undefined ? {} : { 'content-type': req.contentType }),
    ...(req.ifMatch === undefined ? {} : { 'if-match': req.ifMatch }),
    ...(req.forwardedFor ? { 'x-forwarded-for': req.forwardedFor } : {}),
  };
  return w.app.request(req.path, { method: req.method, headers, body: req.body });
}

const planDigests = new WeakMap<object, string>();
/** Everything a rejected request must not change. */
async function fingerprint(store: Store) {
  const snapshot = await store.snapshot();
  let plan = planDigests.get(snapshot);
  if (plan === undefined) {
    plan = JSON.stringify([snapshot.measures, snapshot.assignments, snapshot.milestones, snapshot.events.length]);
    planDigests.set(snapshot, plan);
  }
  return {
    // Every row this connection inserted, updated or deleted, in any table: catches what the views below miss.
    rowsWritten: (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    revision: await store.revision(),
    audit: (await store.listAudit({ limit: 1, offset: 0 })).total,
    users: JSON.stringify(await store.listUsers()),
    submissions: JSON.stringify(await store.listSubmissions({})),
    plan,
  };
}
type Fingerprint = Awaited<ReturnType<typeof fingerprint>>;

/** A refused sign-in is the one rejection that writes: its audit entry and the account's failure count. */
async function expectOnlySignInFailureRecorded(before: Fingerprint, after: Fingerprint) {
  const added = after.audit - before.audit;
  const { items } = await w.store.listAudit({ limit: Math.max(added, 1), offset: 0 });
  if (added > 0)
    expect(items.map((e) => e.action).every((a) => a === 'session.failed' || a === 'user.locked')).toBe(true);
  const strip = (json: string) =>
    (JSON.parse(json) as Record<string, unknown>[]).map(
      ({ failedLogins: _f, lockedUntil: _l, version: _v, ...u }) => u,
    );
  expect(strip(after.users)).toEqual(strip(before.users));
  expect({ ...after, audit: 0, users: '', rowsWritten: 0 }).toEqual({ ...before, audit: 0, users: '', rowsWritten: 0 });
  expect(after.rowsWritten - before.rowsWritten).toBeLessThanOrEqual(added + 1);
}

/** Routes that re-check the password from a session: a wrong one is audited, and enough of them end the session. */
const REAUTH_PATHS = new Set(['/api/session/password', '/api/session/totp']);

async function expectOnlyReauthFailureRecorded(before: Fingerprint, after: Fingerprint) {
  const added = after.audit - before.audit;
  const { items } = await w.store.listAudit({ limit: Math.max(added, 1), offset: 0 });
  if (added > 0)
    expect(
      items.map((e) => e.action).every((a) => a === 'session.reauth_failed' || a === 'session.ended_after_failures'),
    ).toBe(true);
  expect({ ...after, audit: 0, rowsWritten: 0 }).toEqual({ ...before, audit: 0, rowsWritten: 0 });
  // The audit rows, and the session row when the session is ended.
  expect(after.rowsWritten - before.rowsWritten).toBeLessThanOrEqual(added + 1);
}

const counts = {
  requests: 0,
  bodies: 0,
  queries: 0,
  byStatus: {} as Record<number, number>,
  byRoute: {} as Record<string, number>,
};

/** Only requests change the database, so one request's "after" is the next one's "before". */
let last: Fingerprint | null = null;

async function check(req: Request): Promise<void> {
  const before = last ?? (await fingerprint(w.store));
  last = null; // if anything below throws, start afresh
  const res = await send(req);
  const text = await res.text();
  const after = await fingerprint(w.store);
  last = after;
  counts.requests++;
  counts[req.method === 'GET' ? 'queries' : 'bodies']++;
  counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
  counts.byRoute[req.label] = (counts.byRoute[req.label] ?? 0) + 1;
  const what = `${req.method} ${req.path.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  expect([200, 201, 400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429], what).toContain(res.status);
  if (res.status >= 400) {
    // The error format, always: a code and a bilingual message, never a stack or SQL.
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(typeof body.error.code, what).toBe('string');
    expect(body.error.message, what).toMatch(/ \/ /);
    expect(text, what).not.toMatch(/SQLITE|\.ts:\d+|TypeError|RangeError/);
  }
  const rejected = res.status >= 300;
  if (req.method === 'GET' || rejected) {
    if (req.path === '/api/session' && (res.status === 401 || res.status === 429))
      await expectOnlySignInFailureRecorded(before, after);
    else if (REAUTH_PATHS.has(req.path) && (res.status === 422 || res.status === 429))
      await expectOnlyReauthFailureRecorded(before, after);
    else expect(after, what).toEqual(before);
  }
  if (req.who === 'reauth' && req.path === '/api/session/password' && res.status === 200) {
    reauthPassword = (JSON.parse(req.body!) as { newPassword: string }).newPassword;
    // The change renewed the session (issue 17): go on with its new cookie and CSRF token, as the SPA does.
    const session = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrfToken: (JSON.parse(text) as { csrfToken: string }).csrfToken,
    };
    sessions.reauth = Object.assign(client(w.app, session), { session });
  }
  if (req.who === 'reauth' && res.status === 429) {
    // Too many wrong passwords ended that session, as it should: sign in again so the run goes on.
    last = null;
    sessions.reauth = await reauthAccountSession();
  }
}

describe('fuzzing the API with hostile input', () => {
  afterAll(() => {
    console.log(
      `fuzz: seed ${SEED} (FUZZ_SEED=… to change), ${counts.requests} requests: ${counts.bodies} bodies, ${counts.queries} query strings`,
    );
    console.log(`fuzz by status: ${JSON.stringify(counts.byStatus)}`);
    console.log(`fuzz by route: ${JSON.stringify(counts.byRoute)}`);
  });

  it(`survives ${BODY_RUNS} hostile bodies on the write routes`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...bodyRequests()), async (req) => check(req)),
      { seed: SEED, numRuns: BODY_RUNS },
    );
    console.log(
      `fuzz bodies: seed ${SEED}, ${counts.bodies} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(counts.bodies).toBe(BODY_RUNS);
    // Not vacuous: the run reached the parser (400), the media type (415), If-Match (428), validation
    // (422), versions (412), business conflicts (409) and some writes were accepted.
    for (const status of [200, 400, 409, 412, 415, 422, 428])
      expect(counts.byStatus[status] ?? 0, String(status)).toBeGreaterThan(0);
  }, 600_000);

  it(`survives ${QUERY_RUNS} hostile query strings on the list routes`, async () => {
    const started = performance.now();
    const before = { ...counts.byStatus };
    await fc.assert(
      fc.asyncProperty(fc.oneof(...queryRequests()), async (req) => check(req)),
      { seed: SEED, numRuns: QUERY_RUNS },
    );
    console.log(
      `fuzz queries: seed ${SEED}, ${counts.queries} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(counts.queries).toBe(QUERY_RUNS);
    for (const status of [200, 422]) expect((counts.byStatus[status] ?? 0) - (before[status] ?? 0)).toBeGreaterThan(0);
  }, 600_000);
});

describe('prototype keys are plain unknown fields', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a query parameter named %s is refused as unknown (422 naming it), not as repeated or ignored',
    async (key) => {
      const res = await sessions.admin.get(`/api/audit?${key}=1`);
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(error.issues).toEqual([{ path: key, message: expect.stringContaining('Unknown parameter') as string }]);
    },
  );

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a body field named %s is refused (422 naming it), nothing written',
    async (key) => {
      const before = await fingerprint(w.store);
      const a = await w.assignment(MEASURE, 'nisc');
      const res = await w.app.request(`/api/measures/${encodeURIComponent(MEASURE)}/assignments/nisc`, {
        method: 'PATCH',
        headers: {
          cookie: sessions.staff.session.cookie,
          'x-csrf-token': sessions.staff.session.csrfToken,
          'content-type': 'application/json',
          'if-match': `"${a.version}"`,
        },
        body: `{"progress":10,"status":"in_progress","comment":"c",${JSON.stringify(key)}:{"role":"nisc_admin"}}`,
      });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(key);
      expect(({} as Record<string, unknown>).role).toBeUndefined(); // nothing polluted
      last = null;
      expect(await fingerprint(w.store)).toEqual(before);
    },
  );
});
