import { useState, type FormEvent } from 'react';
import { passwordProblems, PASSWORD_PROBLEM_LABELS, type UserRole } from '@/domain/auth';
import type { PublicUser } from '@/domain/contract-auth';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField, serverText } from '@/client/lib/server-text';
import { useCreateUser } from '../api/create-user';
import { RoleFields, TemporaryPasswordField } from './user-fields';

const FIELDS = ['email', 'name', 'role', 'ministryId', 'password', 'newPassword'] as const;

/** A new account with a temporary password; the user must change it at first sign-in. */
export function CreateUserDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (user: PublicUser, password: string) => void;
}) {
  const { t, l, lang } = useI18n();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<{ role: UserRole; ministryId: string }>({ role: 'viewer', ministryId: '' });
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const error = create.error instanceof ApiError ? create.error : null;
  const { byField, other } = issuesByField(error, FIELDS, lang);
  // The server names the password "newPassword" in its strength check; this form calls it "password".
  if (byField.newPassword) byField.password = byField.newPassword;
  if (error?.code === 'email_taken') byField.email = serverText(error.message, lang);
  const errors = { ...byField, ...local };
  const formLevel = error && !Object.keys(byField).length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('fieldRequired');
    if (!name.trim()) found.name = t('fieldRequired');
    if (role.role === 'liaison' && !role.ministryId) found.ministryId = t('ministryRequired');
    const problems = passwordProblems(password, { email, name });
    if (problems.length) found.password = problems.map((p) => l(PASSWORD_PROBLEM_LABELS[p])).join('。');
    setLocal(found);
    if (Object.keys(found).length) return;
    create.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        role: role.role,
        ministryId: role.role === 'liaison' ? role.ministryId : null,
        password,
      },
      { onSuccess: (user) => onCreated(user, password) },
    );
  };

  return (
    <Dialog title={t('addUser')} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        {formLevel && <FormError error={error} other={other} />}
        <div className="form-row">
          <Field id="new-user-email" label={t('email')} error={errors.email} required className="field--grow">
            {(p) => (
              <input {...p} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field id="new-user-name" label={t('userName')} error={errors.name} required className="field--grow">
            {(p) => <input {...p} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        </div>
        <RoleFields
          idPrefix="new-user"
          role={role.role}
          ministryId={role.ministryId}
          onChange={setRole}
          errors={errors}
        />
        <TemporaryPasswordField
          id="new-user-password"
          label={t('temporaryPassword')}
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('saving') : t('createUser')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
