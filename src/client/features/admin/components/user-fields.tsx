import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from '@/domain/auth';
import { Field } from '@/client/components/form-field';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { generatePassword } from './password-tools';

/** Role and ministry: a liaison belongs to one ministry; the other roles to none. */
export function RoleFields({
  idPrefix,
  role,
  ministryId,
  onChange,
  errors,
}: {
  idPrefix: string;
  role: UserRole;
  ministryId: string;
  onChange: (next: { role: UserRole; ministryId: string }) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  return (
    <div className="form-row">
      <Field id={`${idPrefix}-role`} label={t('userRole')} error={errors.role} required>
        {(p) => (
          <select
            {...p}
            value={role}
            onChange={(e) => {
              const next = e.target.value as UserRole;
              onChange({ role: next, ministryId: next === 'liaison' ? ministryId : '' });
            }}
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
          <select
            {...p}
            value={ministryId}
            disabled={role !== 'liaison'}
            onChange={(e) => onChange({ role, ministryId: e.target.value })}
          >
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
  label,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} hint={t('temporaryPasswordHint')} error={error} required={required}>
      {(p) => (
        <div className="input-with-button">
          <input
            {...p}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <button type="button" className="button-secondary" onClick={() => onChange(generatePassword())}>
            {t('generatePassword')}
          </button>
        </div>
      )}
    </Field>
  );
}
