/**
 * Versioned schema migrations, applied in order inside one transaction each; PRAGMA user_version
 * records the last one applied. Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the strategy, its ministries, progress history and the audit trail */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE areas (
    code TEXT PRIMARY KEY, position INTEGER NOT NULL,
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL, motto_ja TEXT, motto_en TEXT
  ) STRICT;
  CREATE TABLE sections (
    code TEXT PRIMARY KEY, area_code TEXT NOT NULL REFERENCES areas(code), position INTEGER NOT NULL,
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL
  ) STRICT;
  CREATE TABLE items (
    code TEXT PRIMARY KEY, section_code TEXT NOT NULL REFERENCES sections(code),
    parent_code TEXT REFERENCES items(code), position INTEGER NOT NULL,
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL
  ) STRICT;
  CREATE TABLE organisations (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, assignable INTEGER NOT NULL,
    parent_id TEXT REFERENCES organisations(id), implies_id TEXT REFERENCES organisations(id),
    name_ja TEXT NOT NULL, name_en TEXT NOT NULL, short_ja TEXT, short_en TEXT
  ) STRICT;
  CREATE TABLE milestones (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL,
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
    version INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE package_entries (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, parent_id TEXT REFERENCES package_entries(id),
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL, text TEXT, wording TEXT
  ) STRICT;
  CREATE TABLE measures (
    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, position INTEGER NOT NULL,
    item_code TEXT NOT NULL, section_code TEXT NOT NULL REFERENCES sections(code),
    area_code TEXT NOT NULL REFERENCES areas(code),
    title_ja TEXT NOT NULL, title_en TEXT NOT NULL, quote TEXT NOT NULL,
    due_wording TEXT, due_kind TEXT NOT NULL, due_date TEXT, due_source TEXT,
    start TEXT NOT NULL, tags TEXT NOT NULL, cross_ref_id TEXT REFERENCES measures(id),
    rag_rating TEXT, rag_reason TEXT, version INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE measure_milestones (
    measure_id TEXT NOT NULL REFERENCES measures(id), milestone_id TEXT NOT NULL REFERENCES milestones(id),
    PRIMARY KEY (measure_id, milestone_id)
  ) STRICT;
  CREATE TABLE measure_package (
    measure_id TEXT NOT NULL REFERENCES measures(id), package_id TEXT NOT NULL REFERENCES package_entries(id),
    PRIMARY KEY (measure_id, package_id)
  ) STRICT;
  CREATE TABLE assignments (
    measure_id TEXT NOT NULL REFERENCES measures(id), ministry_id TEXT NOT NULL REFERENCES organisations(id),
    position INTEGER NOT NULL, role TEXT NOT NULL CHECK (role IN ('lead','contributing')),
    provenance TEXT NOT NULL CHECK (provenance IN ('named','implied','proposed')), confirmed INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','suspended')),
    progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100), narrative TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (measure_id, ministry_id)
  ) STRICT;
  CREATE TABLE progress_events (
    id INTEGER PRIMARY KEY, measure_id TEXT NOT NULL, ministry_id TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','suspended')),
    progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100), narrative TEXT NOT NULL,
    actor TEXT NOT NULL, recorded_at TEXT NOT NULL, origin TEXT NOT NULL,
    FOREIGN KEY (measure_id, ministry_id) REFERENCES assignments(measure_id, ministry_id)
  ) STRICT;
  CREATE INDEX progress_events_measure ON progress_events(measure_id, effective_on);
  CREATE TABLE reference_documents (key TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
  CREATE TABLE scenarios (id TEXT PRIMARY KEY, label_ja TEXT NOT NULL, label_en TEXT NOT NULL, loaded_at TEXT NOT NULL) STRICT;
  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, before TEXT, after TEXT, request_id TEXT
  ) STRICT;
  CREATE INDEX audit_events_entity ON audit_events(entity, entity_id);
  -- The audit trail is append-only, in the database itself and not only in the API.
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  INSERT INTO meta (key, value) VALUES ('revision', '0');
  `,
  /* 2: accounts, sessions, liaison submissions; comments and submitters on progress events */ `
  CREATE TABLE users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('nisc_admin','nisc_staff','liaison','viewer')),
    ministry_id TEXT REFERENCES organisations(id), password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL, totp_secret TEXT, totp_enabled INTEGER NOT NULL,
    failed_logins INTEGER NOT NULL, locked_until TEXT, disabled INTEGER NOT NULL,
    created_at TEXT NOT NULL, version INTEGER NOT NULL,
    CHECK ((role = 'liaison') = (ministry_id IS NOT NULL))
  ) STRICT;
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
    ip TEXT NOT NULL, user_agent TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE submissions (
    id TEXT PRIMARY KEY, measure_id TEXT NOT NULL, ministry_id TEXT NOT NULL, base_version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','suspended')),
    progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100), narrative TEXT NOT NULL, evidence TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','approved','returned')),
    submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL,
    reviewed_by TEXT, reviewed_at TEXT, review_comment TEXT, version INTEGER NOT NULL,
    FOREIGN KEY (measure_id, ministry_id) REFERENCES assignments(measure_id, ministry_id)
  ) STRICT;
  CREATE INDEX submissions_state ON submissions(state, ministry_id);
  ALTER TABLE progress_events ADD COLUMN comment TEXT NOT NULL DEFAULT '';
  ALTER TABLE progress_events ADD COLUMN submitted_by TEXT;
  `,
  /* 3: the annual cycle: plan texts per fiscal year and measure, results per ministry, started years */ `
  CREATE TABLE annual_plans (
    fy INTEGER NOT NULL, measure_id TEXT NOT NULL REFERENCES measures(id),
    plan_text TEXT NOT NULL, next_plan_text TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY (fy, measure_id)
  ) STRICT;
  CREATE TABLE annual_results (
    fy INTEGER NOT NULL, measure_id TEXT NOT NULL, ministry_id TEXT NOT NULL, text TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY (fy, measure_id, ministry_id),
    FOREIGN KEY (measure_id, ministry_id) REFERENCES assignments(measure_id, ministry_id)
  ) STRICT;
  CREATE TABLE fiscal_years (
    fy INTEGER PRIMARY KEY, started_at TEXT NOT NULL, started_by TEXT NOT NULL,
    roster TEXT NOT NULL, version INTEGER NOT NULL
  ) STRICT;
  `,
  /* 4: TOTP hardening: the last accepted step (no replay within the window), and a pending secret that
     replaces the enrolled one only when confirmed (an abandoned re-enrolment leaves TOTP on) */ `
  ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
  ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
  `,
  /* 5: sign-in hardening (issue 17): failures counted per trusted device (device cookie) apart from the
     account's, and the server's own secrets (the device cookie's HMAC key), shared by every instance */ `
  CREATE TABLE device_sign_ins (
    device_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    failures INTEGER NOT NULL, locked_until TEXT
  ) STRICT;
  CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
  /* 6: fiscal-year targets (年度末目標) per measure × fiscal year, issue 11; the measure's version covers them */ `
  CREATE TABLE measure_fy_targets (
    measure_id TEXT NOT NULL REFERENCES measures(id), fy INTEGER NOT NULL,
    percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (measure_id, fy)
  ) STRICT;
  `,
  /* 7: reporting rounds (照会, issue 12): rounds, the rows each ministry owes, in-app notifications (one per
     user and key), mail jobs with a lease and a record of every attempt. Plain SQL: it ports to PostgreSQL. */ `
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('quarterly','annual')),
    fy INTEGER NOT NULL, as_of TEXT NOT NULL, opened_on TEXT NOT NULL, due_on TEXT NOT NULL,
    ministry_ids TEXT NOT NULL, section_codes TEXT NOT NULL, instructions TEXT NOT NULL, reminder_days TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open','closed')), opened_by TEXT NOT NULL, opened_at TEXT NOT NULL,
    closed_by TEXT, closed_at TEXT, version INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE round_rows (
    id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id), position INTEGER NOT NULL,
    ministry_id TEXT NOT NULL, measure_id TEXT NOT NULL REFERENCES measures(id),
    kind TEXT NOT NULL CHECK (kind IN ('assignment','result','nextPlan')),
    state TEXT NOT NULL CHECK (state IN ('owed','answered','returned','accepted')),
    base_version INTEGER, answer TEXT, unchanged INTEGER NOT NULL,
    answered_by TEXT, answered_at TEXT, reviewed_by TEXT, reviewed_at TEXT, review_comment TEXT,
    version INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX round_rows_ministry ON round_rows(round_id, ministry_id, position);
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, kind TEXT NOT NULL,
    round_id TEXT NOT NULL, key TEXT NOT NULL, params TEXT NOT NULL, created_at TEXT NOT NULL, read_at TEXT,
    mail_job_id TEXT, seq INTEGER NOT NULL,
    UNIQUE (user_id, key)
  ) STRICT;
  CREATE INDEX notifications_user ON notifications(user_id, seq);
  CREATE INDEX notifications_unmailed ON notifications(mail_job_id, user_id);
  CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, settings TEXT NOT NULL
  ) STRICT;
  CREATE TABLE mail_jobs (
    id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('round_opened','digest')),
    user_id TEXT NOT NULL, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','sent','failed','outbox')), attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL, lease_owner TEXT, lease_until TEXT, created_at TEXT NOT NULL, sent_at TEXT,
    last_error TEXT, seq INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX mail_jobs_due ON mail_jobs(state, next_attempt_at);
  CREATE TABLE mail_attempts (
    job_id TEXT NOT NULL REFERENCES mail_jobs(id), at TEXT NOT NULL, worker TEXT NOT NULL, ok INTEGER NOT NULL,
    error TEXT, seq INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX mail_attempts_job ON mail_attempts(job_id, seq);
  `,
  /* 8: sign-in through the organisation's OpenID Connect provider (issue 14, sqlite-oidc.ts): which provider
     subject is which tracker user (one each way), and which sessions came from the provider (for its
     second factor and RP-initiated logout); a session's row goes with the session */ `
  CREATE TABLE oidc_links (
    user_id TEXT PRIMARY KEY REFERENCES users(id), issuer TEXT NOT NULL, subject TEXT NOT NULL,
    linked_at TEXT NOT NULL, UNIQUE (issuer, subject)
  ) STRICT;
  CREATE TABLE oidc_sessions (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    mfa INTEGER NOT NULL, id_token TEXT NOT NULL
  ) STRICT;
  `,
  /* 9 (search, issue 18; 7 and 8 are the rounds and OIDC branches'): the search index, decision record 016.
     Rows are written by the store from the domain's searchRows (normalised text), never by SQL. */ `
  CREATE VIRTUAL TABLE measure_search USING fts5(
    measure_id UNINDEXED, field UNINDEXED, text, tokenize = 'trigram case_sensitive 1'
  );
  `,
  /* 10: a liaison's annual results go through NISC review (issue 18, item 6; decision record 020): the
     submitted text beside the text it replaces, applied to annual_results only when approved.
     At most one pending submission per result (a partial unique index). */ `
  CREATE TABLE result_submissions (
    id TEXT PRIMARY KEY, fy INTEGER NOT NULL, measure_id TEXT NOT NULL, ministry_id TEXT NOT NULL,
    base_version INTEGER NOT NULL, previous_text TEXT NOT NULL, text TEXT NOT NULL, note TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','approved','returned')),
    submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL,
    reviewed_by TEXT, reviewed_at TEXT, review_comment TEXT, version INTEGER NOT NULL,
    FOREIGN KEY (measure_id, ministry_id) REFERENCES assignments(measure_id, ministry_id)
  ) STRICT;
  CREATE INDEX result_submissions_state ON result_submissions(state, ministry_id);
  CREATE UNIQUE INDEX result_submissions_one_pending ON result_submissions(fy, measure_id, ministry_id)
    WHERE state = 'pending';
  `,
  /* 11: scheduled backups (issue 13, decision record 021): one run per slot, which is also its lease */ `
  CREATE TABLE backup_runs (
    slot TEXT PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('pending','done','failed')),
    attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, lease_owner TEXT, lease_until TEXT,
    created_at TEXT NOT NULL, finished_at TEXT, file TEXT, bytes INTEGER, verified TEXT, last_error TEXT,
    worker TEXT
  ) STRICT;
  `,
];
