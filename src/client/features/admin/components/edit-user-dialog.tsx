import { useState } from 'react';
import { z } from 'zod';
import { conflictRow, ConflictView, type ConflictActions } from '@/client/components/conflict-view';
import { DialogForm, FormDialog, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { passwordProblems, PASSWORD_PROBLEM_LABELS, USER_ROLE_LABELS } from '@/domain/auth';
import { PublicUserSchema, UserPatchBodySchema, type PublicUser, type UserSignIn } from '@/domain/contract';
import { useSignInMethods } from '@/client/features/auth/api/sign-in-methods';
import { useFormContext } from 'react-hook-form';
import type { LocalizedText } from '@/domain/plan';
import { useUpdateUser, type UpdateUserInput } from '../api/update-user';
import { isLocked } from './password-tools';
import { RoleFields, TemporaryPasswordField } from './user-fields';

const FIELDS = ['name', 'role', 'ministryId', 'disabled', 'resetPassword', 'newPassword', 'linkOidcSubject'] as const;

const ValuesSchema = z.object({
  name: z.string(),
  role: UserPatchBodySchema.shape.role.unwrap(),
  ministryId: z.string(),
  disabled: z.boolean(),
  unlock: z.boolean(),
  resetTotp: z.boolean(),
  resetPassword: z.string(),
  unlinkOidc: z.boolean(),
  linkOidcSubject: z.string(),
});
type Values = z.infer<typeof ValuesSchema>;

/** Only what the user changed is sent. */
function bodyOf(base: PublicUser, v: Values): UpdateUserInput['body'] {
  const body: UpdateUserInput['body'] = {};
  if (v.name.trim() !== base.name) body.name = v.name.trim();
  if (v.role !== base.role) body.role = v.role;
  const ministryId = v.role === 'liaison' ? v.ministryId || null : null;
  if (ministryId !== base.ministryId) body.ministryId = ministryId;
  if (v.disabled !== base.disabled) body.disabled = v.disabled;
  if (v.unlock) body.unlock = true;
  if (v.resetTotp) body.resetTotp = true;
  if (v.resetPassword) body.resetPassword = v.resetPassword;
  if (v.unlinkOidc) body.unlinkOidc = true;
  if (v.linkOidcSubject.trim()) body.linkOidcSubject = v.linkOidcSubject.trim();
  return body;
}

function editSchema(base: PublicUser, t: Translate, l: (text: LocalizedText) => string) {
  return ValuesSchema.superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.name.trim()) add('name', t('fieldRequired'));
    if (v.role === 'liaison' && !v.ministryId) add('ministryId', t('ministryRequired'));
    if (v.resetPassword) {
      const problems = passwordProblems(v.resetPassword, { email: base.email, name: base.name });
      if (problems.length) add('resetPassword', problems.map((p) => l(PASSWORD_PROBLEM_LABELS[p])).join('。'));
    }
    if (Object.keys(bodyOf(base, v)).length === 0) add('form', t('nothingChanged'));
  });
}

/** Change a user's name, role or ministry, disable or unlock them, or reset their password. */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: PublicUser & { signIn?: UserSignIn };
  onClose: () => void;
  onSaved: (user: PublicUser, password?: string) => void;
}) {
  const { t, l } = useI18n();
  const update = useUpdateUser();
  const [base] = useState(user);
  const state = useDialogForm<Values>({
    schema: editSchema(base, t, l),
    defaultValues: {
      name: user.name,
      role: user.role,
      ministryId: user.ministryId ?? '',
      disabled: user.disabled,
      unlock: false,
      resetTotp: false,
      resetPassword: '',
      unlinkOidc: false,
      linkOidcSubject: '',
    },
    mutation: update,
    serverFields: FIELDS,
    mapServer: (_error, byField) => {
      if (byField.newPassword) byField.resetPassword = byField.newPassword;
    },
  });
  const { form, error, errors } = state;
  const { register } = form;
  const current = error?.status === 412 ? PublicUserSchema.safeParse(error.current).data : undefined;

  const save = (v: Values, version: number) =>
    update.mutate(
      { id: base.id, version, body: bodyOf(base, v) },
      { onSuccess: (u) => onSaved(u, v.resetPassword || undefined) },
    );

  return (
    <FormDialog title={`${t('editUser')}: ${base.name}`} onClose={onClose} wide>
      <DialogForm
        state={state}
        onValid={(v) => save(v, base.version)}
        editing={{ version: base.version, of: base.email }}
        conflict={
          current && (
            <UserConflict
              base={base}
              current={current}
              mine={form.getValues()}
              pending={update.isPending}
              onReapply={() => save(form.getValues(), current.version)}
              onDiscard={onClose}
            />
          )
        }
      >
        <Field id="edit-user-name" label={t('userName')} error={errors.name} required>
          {(p) => <input {...p} {...register('name')} />}
        </Field>
        <RoleFields idPrefix="edit-user" errors={errors} />
        <div className="field field--check">
          <input id="edit-user-disabled" type="checkbox" {...register('disabled')} />
          <label htmlFor="edit-user-disabled">{t('disableAccount')}</label>
        </div>
        {isLocked(base.lockedUntil) && (
          <div className="field field--check">
            <input id="edit-user-unlock" type="checkbox" {...register('unlock')} />
            <label htmlFor="edit-user-unlock">
              {t('unlockAccount')} <span className="sub">({base.lockedUntil})</span>
            </label>
          </div>
        )}
        {base.totpEnabled && (
          <div className="field field--check">
            <input id="edit-user-reset-totp" type="checkbox" {...register('resetTotp')} />
            <label htmlFor="edit-user-reset-totp">{t('resetTotp')}</label>
          </div>
        )}
        <OidcLinkFields link={user.signIn?.oidc ?? null} error={errors.linkOidcSubject} />
        <TemporaryPasswordField
          id="edit-user-reset"
          name="resetPassword"
          label={t('resetPassword')}
          error={errors.resetPassword}
        />
        <p className="hint">{t('sessionsEndNote')}</p>
      </DialogForm>
    </FormDialog>
  );
}

/** The organisation-account link: unlink it, or (unlinked, with a provider configured) pre-provision a subject. */
function OidcLinkFields({ link, error }: { link: UserSignIn['oidc']; error?: string }) {
  const { t } = useI18n();
  const { register } = useFormContext<Values>();
  const oidc = useSignInMethods().data?.oidc ?? false;
  if (link)
    return (
      <div className="field field--check">
        <input id="edit-user-unlink-oidc" type="checkbox" {...register('unlinkOidc')} />
        <label htmlFor="edit-user-unlink-oidc">
          {t('unlinkOidc')} <span className="sub">(sub: {link.subject})</span>
        </label>
      </div>
    );
  if (!oidc) return null;
  return (
    <Field id="edit-user-link-oidc" label={t('linkOidcSubject')} hint={t('linkOidcSubjectHint')} error={error}>
      {(p) => <input {...p} {...register('linkOidcSubject')} autoComplete="off" />}
    </Field>
  );
}

/** Someone else changed the account since the dialog opened: theirs and mine side by side. */
function UserConflict({
  base,
  current,
  mine,
  ...actions
}: ConflictActions & {
  base: PublicUser;
  current: PublicUser;
  mine: Values;
}) {
  const { t, l } = useI18n();
  const body = bodyOf(base, mine);
  const ministryId = mine.role === 'liaison' ? mine.ministryId || null : null;
  const roleText = (u: Pick<PublicUser, 'role' | 'ministryId'>) =>
    `${l(USER_ROLE_LABELS[u.role])}${u.ministryId ? ` (${u.ministryId})` : ''}`;
  const yesNo = (b: boolean) => (b ? t('stateDisabled') : t('stateActive'));
  return (
    <ConflictView
      {...actions}
      versions={{ base: base.version, current: current.version }}
      rows={[
        conflictRow(
          'name',
          t('userName'),
          { base: base.name, theirs: current.name, mine: mine.name },
          String,
          body.name !== undefined,
        ),
        conflictRow(
          'role',
          t('userRole'),
          {
            base: { role: base.role, ministryId: base.ministryId },
            theirs: { role: current.role, ministryId: current.ministryId },
            mine: { role: mine.role, ministryId },
          },
          roleText,
          body.role !== undefined || body.ministryId !== undefined,
        ),
        conflictRow(
          'disabled',
          t('accountState'),
          { base: base.disabled, theirs: current.disabled, mine: mine.disabled },
          yesNo,
          body.disabled !== undefined,
        ),
      ]}
    />
  );
}
