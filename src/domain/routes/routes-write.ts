import {
  ChangePasswordBodySchema,
  PublicUserSchema,
  SessionSchema,
  SignInBodySchema,
  SignOutSchema,
  TotpConfirmBodySchema,
  TotpEnrolmentSchema,
  TotpStartBodySchema,
  UserCreateBodySchema,
  UserListSchema,
  UserPatchBodySchema,
} from '@/domain/contract';
import { MeasureDetailSchema, MilestoneListSchema } from '@/domain/contract';
import {
  ApproveBodySchema,
  AssignmentPatchBodySchema,
  AuditListSchema,
  AuditQuerySchema,
  FyTargetsBodySchema,
  MeasurePatchBodySchema,
  MilestonePatchBodySchema,
  ReturnBodySchema,
  SubmissionCreateBodySchema,
  SubmissionListQuerySchema,
  SubmissionListSchema,
  SubmissionSchema,
} from '@/domain/contract';
import { ROUTES, type RouteSpec } from './routes';
import { ANNUAL_ROUTES } from './routes-annual';
import { OIDC_ROUTES } from './routes-oidc';
import { ROUND_ROUTES } from './routes-rounds';
import { OPS_ROUTES } from './routes-ops';

/** Sign-in, accounts, updates, submissions and audit. */
export const WRITE_ROUTES = {
  signIn: {
    method: 'post',
    path: '/api/session',
    operationId: 'signIn',
    summary: 'Sign in (sets the session cookie)',
    access: 'public',
    body: SignInBodySchema,
    response: SessionSchema,
  },
  getSession: {
    method: 'get',
    path: '/api/session',
    operationId: 'getSession',
    summary: 'The signed-in user and CSRF token',
    access: 'session',
    response: SessionSchema,
  },
  signOut: {
    method: 'delete',
    path: '/api/session',
    operationId: 'signOut',
    summary: "Sign out: ends the session on the server (and names the provider's logout for a provider session)",
    access: 'session',
    response: SignOutSchema,
  },
  changePassword: {
    method: 'post',
    path: '/api/session/password',
    operationId: 'changePassword',
    summary: 'Change own password; ends every other session',
    access: 'session',
    body: ChangePasswordBodySchema,
    response: SessionSchema,
  },
  startTotp: {
    method: 'post',
    path: '/api/session/totp',
    operationId: 'startTotpEnrolment',
    summary: 'Start TOTP enrolment: a new secret and its QR code (re-authenticates unless forced)',
    access: 'session',
    body: TotpStartBodySchema,
    response: TotpEnrolmentSchema,
  },
  confirmTotp: {
    method: 'post',
    path: '/api/session/totp/confirm',
    operationId: 'confirmTotpEnrolment',
    summary: 'Confirm TOTP enrolment with a code',
    access: 'session',
    body: TotpConfirmBodySchema,
    response: SessionSchema,
  },
  updateMeasure: {
    method: 'patch',
    path: '/api/measures/{id}',
    operationId: 'updateMeasure',
    summary: 'Update a measure (RAG override, deadline) with a comment',
    access: 'measure.update',
    body: MeasurePatchBodySchema,
    ifMatch: true,
    response: MeasureDetailSchema,
  },
  setFyTargets: {
    method: 'patch',
    path: '/api/measures/{id}/fy-targets',
    operationId: 'setFyTargets',
    summary:
      "Set a measure's fiscal-year targets (年度末目標) with a comment; the expected-progress line runs through them",
    access: 'measure.update',
    body: FyTargetsBodySchema,
    ifMatch: true,
    response: MeasureDetailSchema,
  },
  updateAssignment: {
    method: 'patch',
    path: '/api/measures/{id}/assignments/{ministryId}',
    operationId: 'updateAssignment',
    summary: "Update one ministry's assignment (status, progress, narrative, confirmation)",
    access: 'assignment.update',
    body: AssignmentPatchBodySchema,
    ifMatch: true,
    response: MeasureDetailSchema,
  },
  createSubmission: {
    method: 'post',
    path: '/api/submissions',
    operationId: 'createSubmission',
    summary: "A liaison submits progress for their ministry's assignment",
    access: 'submission.create',
    body: SubmissionCreateBodySchema,
    response: SubmissionSchema,
  },
  listSubmissions: {
    method: 'get',
    path: '/api/submissions',
    operationId: 'listSubmissions',
    summary: 'Submissions (a liaison sees their own ministry)',
    access: 'submission.read',
    query: SubmissionListQuerySchema,
    response: SubmissionListSchema,
  },
  approveSubmission: {
    method: 'post',
    path: '/api/submissions/{id}/approve',
    operationId: 'approveSubmission',
    summary: 'Approve a pending submission: it applies to the assignment',
    access: 'submission.review',
    body: ApproveBodySchema,
    ifMatch: true,
    response: SubmissionSchema,
  },
  returnSubmission: {
    method: 'post',
    path: '/api/submissions/{id}/return',
    operationId: 'returnSubmission',
    summary: 'Return a submission to the liaison with a comment',
    access: 'submission.review',
    body: ReturnBodySchema,
    ifMatch: true,
    response: SubmissionSchema,
  },
  updateMilestone: {
    method: 'patch',
    path: '/api/milestones/{id}',
    operationId: 'updateMilestone',
    summary: 'Move or rename a milestone, with a reason',
    access: 'milestone.update',
    body: MilestonePatchBodySchema,
    ifMatch: true,
    response: MilestoneListSchema.shape.items.element,
  },
  listAudit: {
    method: 'get',
    path: '/api/audit',
    operationId: 'listAudit',
    summary: 'The audit trail (format=csv for a file)',
    access: 'audit.read',
    query: AuditQuerySchema,
    response: AuditListSchema,
  },
  listUsers: {
    method: 'get',
    path: '/api/users',
    operationId: 'listUsers',
    summary: 'Users',
    access: 'user.manage',
    response: UserListSchema,
  },
  createUser: {
    method: 'post',
    path: '/api/users',
    operationId: 'createUser',
    summary: 'Create a user with a temporary password',
    access: 'user.manage',
    body: UserCreateBodySchema,
    response: PublicUserSchema,
  },
  updateUser: {
    method: 'patch',
    path: '/api/users/{id}',
    operationId: 'updateUser',
    summary: 'Change role, ministry, disable, unlock or reset password',
    access: 'user.manage',
    body: UserPatchBodySchema,
    ifMatch: true,
    response: PublicUserSchema,
  },
} as const satisfies Record<string, RouteSpec>;

/** The route table: what the server answers, the OpenAPI document and the permission matrix test. */
export const ALL_ROUTES: RouteSpec[] = [
  ...Object.values(ROUTES),
  ...Object.values(WRITE_ROUTES),
  ...Object.values(ANNUAL_ROUTES),
  ...Object.values(OIDC_ROUTES),
  ...Object.values(ROUND_ROUTES),
  ...Object.values(OPS_ROUTES),
];

const COMPILED = ALL_ROUTES.map((spec) => ({
  spec,
  pattern: new RegExp(`^${spec.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
  params: (spec.path.match(/\{/g) ?? []).length,
}));

/** Finds the spec for a request; paths with fewer parameters win over the same shape with more. */
export function matchRoute(method: string, path: string): RouteSpec | null {
  const m = method.toLowerCase();
  let best: (typeof COMPILED)[number] | null = null;
  for (const route of COMPILED) {
    if (route.spec.method !== m || !route.pattern.test(path)) continue;
    if (!best || route.params < best.params) best = route;
  }
  return best?.spec ?? null;
}
