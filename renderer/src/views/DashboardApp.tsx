// The dashboard window: first run until a role is chosen, then the pages (today, held queue,
// weekly report, settings) behind a hash route, so it works from a file and from the host alike.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekQuerySchema } from '../../../preload/contract.ts';
import { NoticeBar } from '../components/NoticeBar.tsx';
import { useDashboard } from '../store/context.tsx';
import { FirstRun } from './FirstRun.tsx';
import { HeldQueueView } from './queue/HeldQueueView.tsx';
import { ReportView } from './report/ReportView.tsx';
import { SettingsView } from './settings/SettingsView.tsx';
import { TodayView } from './today/TodayView.tsx';

export type Route = { page: 'today'; customFocus?: boolean } | { page: 'queue' } | { page: 'settings' } | { page: 'report'; week: string | null };

export function parseRoute(hash: string): Route {
  const [, page = '', arg] = hash.replace(/^#/, '').split('/');
  if (page === 'queue') return { page: 'queue' };
  // The tray's "Custom…" opens here, with the cursor in the minutes field.
  if (page === 'focus') return { page: 'today', customFocus: true };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'report') return { page: 'report', week: arg && weekQuerySchema.safeParse({ week: arg }).success ? arg : null };
  return { page: 'today' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

const PAGES = [
  { page: 'today', href: '#/', label: 'nav.today' },
  { page: 'queue', href: '#/queue', label: 'nav.queue' },
  { page: 'report', href: '#/report', label: 'nav.report' },
  { page: 'settings', href: '#/settings', label: 'nav.settings' },
] as const;

export function DashboardApp() {
  const { t } = useTranslation();
  const route = useRoute();
  const firstRun = useDashboard((s) => s.firstRun);
  const focusing = useDashboard((s) => s.status?.state === 'focus');
  useEffect(() => {
    document.title = t(`nav.${route.page}`) + ' · Lull';
  }, [route.page, t]);
  if (firstRun) return <FirstRun />;
  return (
    <div className={`app${focusing ? ' is-focusing' : ''}`}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          // The hash is the route here: move focus without changing it.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">Lull</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.map((p) => (
              <li key={p.page}>
                <a href={p.href} aria-current={route.page === p.page ? 'page' : undefined}>
                  {t(p.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <NoticeBar />
      <main id="main" tabIndex={-1}>
        {route.page === 'today' && <TodayView customFocus={route.customFocus === true} />}
        {route.page === 'queue' && <HeldQueueView />}
        {route.page === 'report' && <ReportView week={route.week} />}
        {route.page === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
