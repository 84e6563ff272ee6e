import type { ReactNode } from 'react';
import { can, type Permission } from '@/domain/auth';
import { useI18n } from '@/client/lib/i18n';
import { useSession } from '@/client/features/auth/api/get-session';

/** A page for those with the permission; others see why not (the server refuses them anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession().data;
  if (!session) return null;
  if (!can(session.user.role, permission)) {
    return (
      <section className="error-box" role="alert">
        <h1>{t('forbiddenTitle')}</h1>
        <p>{t('forbiddenText')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
