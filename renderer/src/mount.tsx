// Mounts a window: its store, the language and time zone it shows, hydration from main, the view.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoreApi } from 'zustand';
import { LocaleProvider } from './components/Locale.tsx';
import { WindowGate } from './components/WindowGate.tsx';
import { createI18n } from './i18n/index.ts';
import { resolveLanguage } from './i18n/language.ts';
import { StoreProvider } from './store/context.tsx';
import type { DashboardStore } from './store/dashboardStore.ts';
import type { ReviewStore } from './store/reviewStore.ts';
import './styles/base.css';

export function mountWindow(store: StoreApi<DashboardStore> | StoreApi<ReviewStore>, view: ReactNode): void {
  const system = navigator.languages.length ? navigator.languages : [navigator.language];
  const i18n = createI18n(resolveLanguage('system', system).language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StoreProvider store={store as StoreApi<DashboardStore | ReviewStore>}>
        <LocaleProvider i18n={i18n} systemLanguages={system}>
          <WindowGate hydrate={store.getState().hydrate}>{view}</WindowGate>
        </LocaleProvider>
      </StoreProvider>
    </StrictMode>,
  );
}
