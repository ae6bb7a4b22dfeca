// The calm notices a window shows: a refused command, a settings file that was reset, a source
// that cannot do its work (its own one-line reason, never notification text).
import { useTranslation } from 'react-i18next';
import { useCommon, useCommonShallow } from '../store/context.tsx';
import { sessionSelectors } from '../store/slices/session/selectors.ts';
import { statusSelectors } from '../store/slices/status/selectors.ts';

export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useCommon(sessionSelectors.notice);
  const clear = useCommon((s) => s.clearNotice);
  const movedTo = useCommon((s) => s.resetMovedTo);
  const dismissReset = useCommon((s) => s.dismissReset);
  const troubled = useCommonShallow(statusSelectors.troubledSources);
  return (
    <div className="notices" role="status" aria-live="polite">
      {movedTo !== undefined && (
        <p className="notice">
          {movedTo ? t('notice.settingsReset', { path: movedTo }) : t('notice.settingsResetNoCopy')}
          <button type="button" className="link" onClick={dismissReset}>
            {t('common.dismiss')}
          </button>
        </p>
      )}
      {troubled.map((source) => (
        <p key={source.name} className="notice notice-source">
          {t('notice.source', { name: t(`notice.sourceName.${source.name}`, { defaultValue: source.name }), detail: source.detail ?? t(`notice.sourceState.${source.state}`) })}
        </p>
      ))}
      {notice && (
        <p className={`notice notice-${notice.kind}`}>
          {notice.translate ? t(notice.message) : notice.message}
          <button type="button" className="link" onClick={clear}>
            {t('common.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
