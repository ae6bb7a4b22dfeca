// The tray icon: its image, title (macOS), tooltip and menu follow the engine's state events, so
// nothing polls. While a block runs the text is redrawn once a minute so "time left" stays true;
// idle, it is redrawn when the next batch time passes and when the pointer rests on the icon.
import type { MenuItemConstructorOptions } from 'electron';
import type { Cancel, Clock } from '../core/ports.ts';
import type { EngineEvent, FocusRequest, Status } from '../core/types.ts';
import { logger } from '../log.ts';
import { trackReview, type ReviewCount, type ReviewSource } from './reviewCount.ts';
import { iconState, nextBatchLine, say, statusLine, tooltip, clockTime, type TrayIconState, type TrayWords } from './trayText.ts';

const log = logger('tray');
const MINUTE = 60_000;

export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'mouse-enter', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayActions {
  startFocus(request: FocusRequest): unknown;
  endFocus(): unknown;
  releaseNow(): unknown;
  skipToday(): unknown;
  /** Opens the dashboard, at an in-app route when given (`/settings`, `/focus`). */
  openDashboard(route?: string): void;
  quit(): void;
}

export interface TrayOptions<Image, Menu> {
  tray: TrayLike<Image, Menu>;
  icons: Record<TrayIconState, Image>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** Its state, and what waits for review (listed once; then kept from events). */
  engine: ReviewSource & { on(listener: (event: EngineEvent) => void): () => void; status(): Status };
  clock: Clock;
  words: () => TrayWords;
  actions: TrayActions;
  /** Only macOS shows a title beside the icon; elsewhere the count is in the tooltip. */
  showsTitle: boolean;
  /** The sources that cannot do their work now, each with its one-line reason (a mail account retrying, a failed login). */
  troubles?: () => readonly SourceTrouble[];
}

export interface SourceTrouble {
  name: string;
  detail?: string | undefined;
}

export const FOCUS_MINUTES = [25, 50, 90] as const;

export function createTray<Image, Menu>(opts: TrayOptions<Image, Menu>): { refresh(): void; dispose(): void } {
  const { tray, actions } = opts;
  let timer: Cancel | null = null;
  let shownIcon: TrayIconState | null = null;
  let shownTroubles = '[]';
  const troublesNow = (): readonly SourceTrouble[] => {
    const now = opts.troubles?.() ?? [];
    shownTroubles = JSON.stringify(now);
    return now;
  };
  // Actions are the service's commands: a refusal (already focusing …) arrives as a rejection.
  const run = (what: string, action: () => unknown): void => {
    const refused = (error: unknown): void => log.warn({ action: what, err: error instanceof Error ? error.message : String(error) }, 'tray action refused');
    try {
      Promise.resolve(action()).catch(refused);
    } catch (error) {
      refused(error);
    }
  };

  const menu = (status: Status, now: number, words: TrayWords, review: ReviewCount): MenuItemConstructorOptions[] => {
    const focusing = status.state === 'focus';
    const next = status.nextBatchAt;
    const troubles = troublesNow().map((t): MenuItemConstructorOptions => ({ label: `⚠ ${t.name}: ${t.detail ?? say(words, 'sourceTrouble')}`, enabled: false }));
    return [
      { label: statusLine(status, now, words, review), enabled: false },
      { label: nextBatchLine(status, now, words), enabled: false },
      ...troubles,
      { type: 'separator' },
      {
        label: say(words, 'startFocus'),
        enabled: !focusing,
        submenu: [
          ...FOCUS_MINUTES.map((minutes): MenuItemConstructorOptions => ({ label: say(words, 'minutes', { n: minutes }), click: () => run('focus', () => actions.startFocus({ minutes })) })),
          {
            label: next === null ? say(words, 'untilNextBatchNone') : say(words, 'untilNextBatch', { time: clockTime(next, words) }),
            enabled: next !== null,
            click: () => run('focus', () => actions.startFocus({ until: 'next-batch' })),
          },
          { label: say(words, 'custom'), click: () => actions.openDashboard('/focus') },
        ],
      },
      { label: say(words, 'endFocus'), enabled: focusing, click: () => run('end', () => actions.endFocus()) },
      { label: say(words, 'release'), enabled: status.held > 0, click: () => run('release', () => actions.releaseNow()) },
      { label: say(words, 'skip'), click: () => run('skip', () => actions.skipToday()) },
      { type: 'separator' },
      { label: say(words, 'dashboard'), click: () => actions.openDashboard() },
      { label: say(words, 'settings'), click: () => actions.openDashboard('/settings') },
      { type: 'separator' },
      { label: say(words, 'quit'), click: () => actions.quit() },
    ];
  };

  const render = (status: Status): void => {
    const now = opts.clock.now();
    const words = opts.words();
    const review = reviewing.count();
    const state = iconState(status);
    if (state !== shownIcon) tray.setImage(opts.icons[state]);
    shownIcon = state;
    if (opts.showsTitle) tray.setTitle(status.held > 0 ? String(status.held) : '');
    tray.setToolTip(tooltip(status, now, words, review));
    // Linux (AppIndicator) only picks up a changed menu when it is set again.
    tray.setContextMenu(opts.buildMenu(menu(status, now, words, review)));
    timer?.();
    const at = redrawAt(status, now);
    timer = at === null ? null : opts.clock.at(at, () => render(opts.engine.status()));
  };

  const off = opts.engine.on((event) => {
    if (event.type === 'state') render(event.status);
  });
  // A batch, or the user handling what it released, changes what waits for review.
  const reviewing = trackReview(opts.engine, () => render(opts.engine.status()));
  tray.on('mouse-enter', () => render(opts.engine.status()));
  render(opts.engine.status());
  return {
    /** Redraws when what the sources' health lines say has changed. */
    refresh() {
      if (JSON.stringify(opts.troubles?.() ?? []) !== shownTroubles) render(opts.engine.status());
    },
    dispose() {
      off();
      reviewing.dispose();
      timer?.();
      tray.destroy();
    },
  };
}

/** Next moment the text changes by itself: each minute of a block, or when the next batch passes. */
function redrawAt(status: Status, now: number): number | null {
  const candidates: number[] = [];
  if (status.block) {
    const left = status.block.endsAt - now;
    candidates.push(now + (left % MINUTE || MINUTE));
  }
  if (status.nextBatchAt !== null && status.nextBatchAt > now) candidates.push(status.nextBatchAt);
  return candidates.length ? Math.min(...candidates) : null;
}
