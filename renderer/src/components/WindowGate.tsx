// Hydrates the window's store from main on mount (and unsubscribes on unmount); shows a quiet
// line while it loads, the sign-in page when Lull answered but this browser has no session, and
// "not reachable" only when nothing answered at all.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommon } from '../store/context.tsx';
import { SignIn } from './SignIn.tsx';
import { useMinuteTick } from './useMinuteTick.ts';

export function WindowGate({ hydrate, children }: { hydrate: () => Promise<() => void>; children: ReactNode }) {
  const { t } = useTranslation();
  const hydrated = useCommon((s) => s.hydrated);
  const error = useCommon((s) => s.hydrateError);
  const tick = useCommon((s) => s.tick);
  useMinuteTick(tick);
  useEffect(() => {
    let off: (() => void) | null = null;
    let gone = false;
    void hydrate().then((unsubscribe) => (gone ? unsubscribe() : (off = unsubscribe)));
    return () => {
      gone = true;
      off?.();
    };
  }, [hydrate]);
  if (hydrated === 'no') return <p className="loading">{t('common.loading')}</p>;
  if (hydrated === 'signed-out') return <SignIn />;
  if (hydrated === 'failed')
    return (
      <main className="unreachable">
        <h1>{t('common.unreachableTitle')}</h1>
        <p>{t('common.unreachable', { reason: error })}</p>
      </main>
    );
  return <>{children}</>;
}
