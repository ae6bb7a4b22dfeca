// Mail accounts: test one as the form holds it, save one (the whole list to the settings, then its
// password, if one was typed, to the secret store), remove one (and its stored password). A typed
// password goes to main and is forgotten here; it is never read back.
import type { z } from 'zod';
import { mailName, type mailAccountSchema } from '../../../../../main/core/mailSettings.ts';
import { LullApiError } from '../../../../../preload/bridge.ts';
import { STORED_PASSWORD, type MailTestResult, type SettingsView } from '../../../../../preload/contract.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import type { SettingsSlice } from '../settings/action.ts';
import { initialMailState, type MailState } from './initialState.ts';

export type MailAccountInput = z.input<typeof mailAccountSchema>;
export type MailAccountView = SettingsView['sources']['mail'][number];

/** A test's answer, or why main would not run it (an invalid field, by its path in the account), or that it could not ask. */
export type MailTestOutcome = { kind: 'answer'; result: MailTestResult } | { kind: 'invalid'; fields: { field: string; message: string }[] } | { kind: 'failed'; message: string };

export interface MailEdit {
  /** The account's place in the list; null for a new one. */
  index: number | null;
  /** The account as it was shown before the edit (null for a new one). */
  previous: MailAccountView | null;
  account: MailAccountInput;
  /** Typed in the form; stored under `mail:<name>` once the account is saved. */
  password?: string;
}

export interface MailAction {
  testMailAccount(account: MailAccountInput, password?: string): Promise<MailTestOutcome>;
  /** True when the account (and its typed password) were saved; refusals land in fieldErrors or mailSecretRefusal. */
  saveMailAccount(edit: MailEdit): Promise<boolean>;
  removeMailAccount(account: MailAccountView): Promise<boolean>;
  /** The form was closed: its refusals go with it. */
  forgetMailErrors(): void;
}

export type MailSlice = MailState & MailAction;

type Needs = Pick<SessionSlice, 'notify'> & Pick<SettingsSlice, 'settings' | 'fieldErrors' | 'saveSettings' | 'loadSettings'>;

const MAIL_PATH = 'sources.mail';

export const createMailSlice: SliceCreator<MailSlice, Needs> = (set, get, { api }) => {
  const accounts = (): MailAccountView[] => [...(get().settings?.sources.mail ?? [])];
  /** Forgets a stored password; one already gone is what was wanted. */
  const forgetSecret = async (name: string): Promise<void> => {
    try {
      await api.deleteSecret({ name: mailName(name) });
    } catch (error) {
      if (!(error instanceof LullApiError && error.code === 'not-found')) throw error;
    }
  };
  return {
    ...initialMailState,
    async testMailAccount(account, password) {
      try {
        return { kind: 'answer', result: await api.testMailAccount({ account, ...(password !== undefined && { password }) }) };
      } catch (error) {
        if (error instanceof LullApiError && error.fields?.length) return { kind: 'invalid', fields: error.fields };
        return { kind: 'failed', message: errorMessage(error) };
      }
    },
    async saveMailAccount({ index, previous, account, password }) {
      // As shown (`password: "stored"` included, which main takes back as it gave it).
      const list: MailAccountInput[] = accounts();
      if (index === null) list.push(account);
      else list[index] = account;
      set({ mailBusy: true, mailSecretRefusal: null });
      try {
        if (!(await get().saveSettings({ sources: { mail: list } }))) return false;
        try {
          if (password !== undefined) await api.setSecret({ name: mailName(account.name), secret: password });
          // A renamed account's password is typed again under its new name; a command replaces a stored one.
          const stale = previous?.password === STORED_PASSWORD && (previous.name !== account.name || account.passwordCommand !== undefined);
          if (stale) await forgetSecret(previous.name);
        } catch (error) {
          set({ mailSecretRefusal: error instanceof LullApiError && error.fields?.[0] ? error.fields[0].message : errorMessage(error) });
          return false;
        } finally {
          // main announces the change too; reading it here keeps "stored" true for either transport.
          await get().loadSettings().catch(() => undefined);
        }
        return true;
      } finally {
        set({ mailBusy: false });
      }
    },
    async removeMailAccount(account) {
      set({ mailBusy: true });
      try {
        if (!(await get().saveSettings({ sources: { mail: accounts().filter((a) => a.name !== account.name) } }))) return false;
        if (account.password === STORED_PASSWORD) await forgetSecret(account.name);
        await get().loadSettings().catch(() => undefined);
        return true;
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
        return false;
      } finally {
        set({ mailBusy: false });
      }
    },
    forgetMailErrors() {
      set({ mailSecretRefusal: null, fieldErrors: Object.fromEntries(Object.entries(get().fieldErrors).filter(([path]) => !path.startsWith(`${MAIL_PATH}.`))) });
    },
  };
};
