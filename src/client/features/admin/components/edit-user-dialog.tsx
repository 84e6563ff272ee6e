import { useState, type FormEvent } from 'react';
import { passwordProblems, PASSWORD_PROBLEM_LABELS, USER_ROLE_LABELS, type UserRole } from '@/domain/auth';
import { PublicUserSchema, type PublicUser } from '@/domain/contract-auth';
import { ConflictView } from '@/client/components/conflict-view';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useUpdateUser, type UpdateUserInput } from '../api/update-user';
import { isLocked } from './password-tools';
import { RoleFields, TemporaryPasswordField } from './user-fields';

const FIELDS = ['name', 'role', 'ministryId', 'disabled', 'resetPassword', 'newPassword'] as const;

/** Change a user's name, role or ministry, disable or unlock them, or reset their password. */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: PublicUser;
  onClose: () => void;
  onSaved: (user: PublicUser, password?: string) => void;
}) {
  const { t, l, lang } = useI18n();
  const update = useUpdateUser();
  const [base] = useState(user);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<{ role: UserRole; ministryId: string }>({
    role: user.role,
    ministryId: user.ministryId ?? '',
  });
  const [disabled, setDisabled] = useState(user.disabled);
  const [unlock, setUnlock] = useState(false);
  const [resetTotp, setResetTotp] = useState(false);
  const [reset, setReset] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const error = update.error instanceof ApiError ? update.error : null;
  const current = error?.status === 412 ? PublicUserSchema.safeParse(error.current).data : undefined;
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, FIELDS, lang);
  if (byField.newPassword) byField.resetPassword = byField.newPassword;
  const errors = { ...byField, ...local };

  const body: UpdateUserInput['body'] = {};
  if (name.trim() !== base.name) body.name = name.trim();
  if (role.role !== base.role) body.role = role.role;
  const ministryId = role.role === 'liaison' ? role.ministryId || null : null;
  if (ministryId !== base.ministryId) body.ministryId = ministryId;
  if (disabled !== base.disabled) body.disabled = disabled;
  if (unlock) body.unlock = true;
  if (resetTotp) body.resetTotp = true;
  if (reset) body.resetPassword = reset;

  const save = (version: number) =>
    update.mutate({ id: base.id, version, body }, { onSuccess: (u) => onSaved(u, reset || undefined) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('fieldRequired');
    if (role.role === 'liaison' && !role.ministryId) found.ministryId = t('ministryRequired');
    if (reset) {
      const problems = passwordProblems(reset, { email: base.email, name: base.name });
      if (problems.length) found.resetPassword = problems.map((p) => l(PASSWORD_PROBLEM_LABELS[p])).join('。');
    }
    if (Object.keys(body).length === 0) found.form = t('nothingChanged');
    setLocal(found);
    if (Object.keys(found).length === 0) save(base.version);
  };

  const roleText = (u: Pick<PublicUser, 'role' | 'ministryId'>) =>
    `${l(USER_ROLE_LABELS[u.role])}${u.ministryId ? ` (${u.ministryId})` : ''}`;
  const yesNo = (b: boolean) => (b ? t('stateDisabled') : t('stateActive'));

  return (
    <Dialog title={`${t('editUser')}: ${base.name}`} onClose={onClose} wide>
      {current ? (
        <ConflictView
          pending={update.isPending}
          onReapply={() => save(current.version)}
          onDiscard={onClose}
          who={t('conflictVersions')
            .replace('{base}', String(base.version))
            .replace('{current}', String(current.version))}
          rows={[
            {
              field: 'name',
              label: t('userName'),
              base: base.name,
              theirs: current.name,
              mine: name,
              mineChanged: body.name !== undefined,
              theirsChanged: current.name !== base.name,
            },
            {
              field: 'role',
              label: t('userRole'),
              base: roleText(base),
              theirs: roleText(current),
              mine: roleText({ role: role.role, ministryId }),
              mineChanged: body.role !== undefined || body.ministryId !== undefined,
              theirsChanged: current.role !== base.role || current.ministryId !== base.ministryId,
            },
            {
              field: 'disabled',
              label: t('accountState'),
              base: yesNo(base.disabled),
              theirs: yesNo(current.disabled),
              mine: yesNo(disabled),
              mineChanged: body.disabled !== undefined,
              theirsChanged: current.disabled !== base.disabled,
            },
          ]}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="dialog-form">
          <p className="sub">
            {base.email} · {t('editingVersion')} {base.version}
          </p>
          {(local.form || (error && error.status !== 422) || other.length > 0) && (
            <FormError error={local.form ? null : error} other={other}>
              {local.form ? <p>{local.form}</p> : undefined}
            </FormError>
          )}
          <Field id="edit-user-name" label={t('userName')} error={errors.name} required>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <RoleFields
            idPrefix="edit-user"
            role={role.role}
            ministryId={role.ministryId}
            onChange={setRole}
            errors={errors}
          />
          <div className="field field--check">
            <input
              id="edit-user-disabled"
              type="checkbox"
              checked={disabled}
              onChange={(e) => setDisabled(e.target.checked)}
            />
            <label htmlFor="edit-user-disabled">{t('disableAccount')}</label>
          </div>
          {isLocked(base.lockedUntil) && (
            <div className="field field--check">
              <input
                id="edit-user-unlock"
                type="checkbox"
                checked={unlock}
                onChange={(e) => setUnlock(e.target.checked)}
              />
              <label htmlFor="edit-user-unlock">
                {t('unlockAccount')} <span className="sub">({base.lockedUntil})</span>
              </label>
            </div>
          )}
          {base.totpEnabled && (
            <div className="field field--check">
              <input
                id="edit-user-reset-totp"
                type="checkbox"
                checked={resetTotp}
                onChange={(e) => setResetTotp(e.target.checked)}
              />
              <label htmlFor="edit-user-reset-totp">{t('resetTotp')}</label>
            </div>
          )}
          <TemporaryPasswordField
            id="edit-user-reset"
            label={t('resetPassword')}
            value={reset}
            onChange={setReset}
            error={errors.resetPassword}
          />
          <p className="hint">{t('sessionsEndNote')}</p>
          <div className="form-actions">
            <button type="submit" disabled={update.isPending}>
              {update.isPending ? t('saving') : t('save')}
            </button>
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
