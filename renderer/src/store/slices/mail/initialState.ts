// Mail accounts in the settings (PRODUCT.md §3.4): the accounts themselves live in the settings
// slice as main shows them (`password: "stored"`, never a password); this is what a save is doing.
export interface MailState {
  /** A save or a removal is on its way to main (its buttons wait). */
  mailBusy: boolean;
  /** The account was saved but its password could not be stored: why, shown at the password field. */
  mailSecretRefusal: string | null;
}

export const initialMailState: MailState = { mailBusy: false, mailSecretRefusal: null };
