import { useFormContext } from 'react-hook-form';
import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from '@/domain/auth';
import type { FormErrors } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { generatePassword } from './password-tools';
import './user-fields.css';

/** The role fields as a form holds them: the ministry is '' for none. */
export type RoleValues = { role: UserRole; ministryId: string };

/** Role and ministry: a liaison belongs to one ministry; the other roles to none. */
export function RoleFields({ idPrefix, errors }: { idPrefix: string; errors: FormErrors }) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const { register, setValue, watch } = useFormContext<RoleValues>();
  const role = watch('role');
  return (
    <div className="form-row">
      <Field id={`${idPrefix}-role`} label={t('userRole')} error={errors.role} required>
        {(p) => (
          <select
            {...p}
            {...register('role', {
              onChange: (e: { target: { value: string } }) => {
                if (e.target.value !== 'liaison') setValue('ministryId', '');
              },
            })}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {l(USER_ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${idPrefix}-ministry`}
        label={t('ministry')}
        hint={t('ministryForLiaison')}
        error={errors.ministryId}
        required={role === 'liaison'}
      >
        {(p) => (
          <select {...p} {...register('ministryId')} disabled={role !== 'liaison'}>
            <option value="">—</option>
            {(ministries.data?.items ?? [])
              .filter((m) => m.assignable)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {orgName(m, lang)}
                </option>
              ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** A password field with a button that fills in a strong random one. */
export function TemporaryPasswordField({
  id,
  name,
  label,
  error,
  required,
}: {
  id: string;
  /** The form value that holds the password. */
  name: string;
  label: string;
  error?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const { register, setValue } = useFormContext<Record<string, string>>();
  return (
    <Field id={id} label={label} hint={t('temporaryPasswordHint')} error={error} required={required}>
      {(p) => (
        <div className="input-with-button">
          <input {...p} type="text" autoComplete="off" spellCheck={false} {...register(name)} />
          <button type="button" className="button-secondary" onClick={() => setValue(name, generatePassword())}>
            {t('generatePassword')}
          </button>
        </div>
      )}
    </Field>
  );
}
