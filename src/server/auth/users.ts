import { randomUUID } from 'node:crypto';
import type { UserRole } from '@/domain/auth';
import type { PublicUser } from '@/domain/contract';
import type { UserRecord } from '../store/port';
import type { PasswordHasher } from './hasher';

export function toPublicUser(u: UserRecord): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    ministryId: u.ministryId,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    version: u.version,
  };
}

export async function newUserRecord(
  input: {
    email: string;
    name: string;
    role: UserRole;
    ministryId: string | null;
    password: string;
    mustChangePassword: boolean;
    now: string;
  },
  hasher: PasswordHasher,
): Promise<UserRecord> {
  return {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    ministryId: input.role === 'liaison' ? input.ministryId : null,
    passwordHash: await hasher.hash(input.password),
    mustChangePassword: input.mustChangePassword,
    totpSecret: null,
    totpEnabled: false,
    totpPendingSecret: null,
    totpLastStep: null,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: input.now,
    version: 1,
  };
}
