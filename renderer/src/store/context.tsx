// Hands a window's store to its components, and the hooks that read it with named selectors.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { DashboardStore } from './dashboardStore.ts';
import type { ReviewStore } from './reviewStore.ts';

/** What views shared by both windows may rely on. */
export type CommonStore = ReviewStore;
type AnyStore = DashboardStore | ReviewStore;

const StoreContext = createContext<StoreApi<AnyStore> | null>(null);

export function StoreProvider({ store, children }: { store: StoreApi<AnyStore>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useStoreApi(): StoreApi<AnyStore> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('a view was rendered outside its window store');
  return store;
}

/** Reads state common to both windows (queue, status, settings, session). */
export function useCommon<T>(selector: (s: CommonStore) => T): T {
  return useStore(useStoreApi() as StoreApi<CommonStore>, selector);
}

/** The same, for a selector that builds an object or array: compared shallowly. */
export function useCommonShallow<T>(selector: (s: CommonStore) => T): T {
  return useStore(useStoreApi() as StoreApi<CommonStore>, useShallow(selector));
}

/** Reads the dashboard's store (views that exist only in the dashboard). */
export function useDashboard<T>(selector: (s: DashboardStore) => T): T {
  return useStore(useStoreApi() as StoreApi<DashboardStore>, selector);
}

export function useDashboardShallow<T>(selector: (s: DashboardStore) => T): T {
  return useStore(useStoreApi() as StoreApi<DashboardStore>, useShallow(selector));
}
