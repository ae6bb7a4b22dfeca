// The window's own session: whether it has heard from main yet, the one calm notice it shows,
// and where the first-run flow stands. Nothing here is persisted: main holds the truth.
export interface Notice {
  kind: 'info' | 'error';
  /** The API's own message (never item text), or an i18n key when `translate` is set. */
  message: string;
  translate?: boolean;
}

export interface SessionState {
  /** 'signed-out': Lull answered, but this browser has no session (the HTTP API's 401): sign in. */
  hydrated: 'no' | 'yes' | 'failed' | 'signed-out';
  hydrateError: string | null;
  notice: Notice | null;
  /** First run: pick a role, then the week it plans and when holding starts; null when done. */
  firstRun: 'role' | 'week' | null;
}

export const initialSessionState: SessionState = { hydrated: 'no', hydrateError: null, notice: null, firstRun: null };
