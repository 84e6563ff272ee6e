import { z } from 'zod';
import { DialogForm, FormDialog, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { serverText } from '@/client/lib/server-text';
import { passwordProblems, PASSWORD_PROBLEM_LABELS } from '@/domain/auth';
import { UserCreateBodySchema, type PublicUser } from '@/domain/contract';
import type { LocalizedText } from '@/domain/plan';
import { useCreateUser } from '../api/create-user';
import { RoleFields, TemporaryPasswordField } from './user-fields';

const FIELDS = ['email', 'name', 'role', 'ministryId', 'password', 'newPassword'] as const;

const ValuesSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: UserCreateBodySchema.shape.role,
  ministryId: z.string(),
  password: z.string(),
});
type Values = z.infer<typeof ValuesSchema>;

function createSchema(t: Translate, l: (text: LocalizedText) => string) {
  return ValuesSchema.superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.email.trim()) add('email', t('fieldRequired'));
    if (!v.name.trim()) add('name', t('fieldRequired'));
    if (v.role === 'liaison' && !v.ministryId) add('ministryId', t('ministryRequired'));
    const problems = passwordProblems(v.password, { email: v.email, name: v.name });
    if (problems.length) add('password', problems.map((p) => l(PASSWORD_PROBLEM_LABELS[p])).join('。'));
  });
}

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
  const state = useDialogForm<Values>({
    schema: createSchema(t, l),
    defaultValues: { email: '', name: '', role: 'viewer', ministryId: '', password: '' },
    mutation: create,
    serverFields: FIELDS,
    mapServer: (error, byField) => {
      // The server names the password "newPassword" in its strength check; this form calls it "password".
      if (byField.newPassword) byField.password = byField.newPassword;
      if (error.code === 'email_taken') byField.email = serverText(error.message, lang);
    },
  });
  const { form, errors } = state;

  const onValid = (v: Values) =>
    create.mutate(
      {
        email: v.email.trim(),
        name: v.name.trim(),
        role: v.role,
        ministryId: v.role === 'liaison' ? v.ministryId : null,
        password: v.password,
      },
      { onSuccess: (user) => onCreated(user, v.password) },
    );

  return (
    <FormDialog title={t('addUser')} onClose={onClose} wide>
      <DialogForm state={state} onValid={onValid} submitLabel={t('createUser')}>
        <div className="form-row">
          <Field id="new-user-email" label={t('email')} error={errors.email} required className="field--grow">
            {(p) => <input {...p} type="email" autoComplete="off" {...form.register('email')} />}
          </Field>
          <Field id="new-user-name" label={t('userName')} error={errors.name} required className="field--grow">
            {(p) => <input {...p} autoComplete="off" {...form.register('name')} />}
          </Field>
        </div>
        <RoleFields idPrefix="new-user" errors={errors} />
        <TemporaryPasswordField
          id="new-user-password"
          name="password"
          label={t('temporaryPassword')}
          error={errors.password}
          required
        />
      </DialogForm>
    </FormDialog>
  );
}
