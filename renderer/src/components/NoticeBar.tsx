// The one calm notice a window shows (a refused command, a settings file that was reset).
import { useTranslation } from 'react-i18next';
import { useCommon } from '../store/context.tsx';
import { sessionSelectors } from '../store/slices/session/selectors.ts';

export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useCommon(sessionSelectors.notice);
  const clear = useCommon((s) => s.clearNotice);
  const movedTo = useCommon((s) => s.resetMovedTo);
  const dismissReset = useCommon((s) => s.dismissReset);
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
