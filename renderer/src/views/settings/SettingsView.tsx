// Settings (PRODUCT.md §1.3), in the order people think about them: when to hold and release,
// what may break through, what the estimates assume, where items come from, what is kept,
// and the app itself. Every field saves on its own and takes effect at once.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rolePreset, roles, type Role } from '../../../../main/core/settings.ts';
import { MOMENT_GAP_MS } from '../../../../main/core/stats.ts';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { asNumber, Choice, LinesInput, Section, TextInput, Toggle, useField, Weekdays } from './fields.tsx';
import { BatchTimes, ScheduleRules } from './TimeLists.tsx';
import { MailSection } from './MailSection.tsx';
import { TokensSection } from './TokensSection.tsx';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function RoleField({ role }: { role: Role | null }) {
  const { t } = useTranslation();
  const { save } = useField('role');
  return (
    <div className="field role-field">
      <Choice path="role" label={t('settings.role')} value={role ?? 'maker'} options={roles.map((r) => ({ value: r, label: t(`role.${r}.name`) }))} toPatch={(r) => ({ role: r })} />
      <button type="button" onClick={() => void save(rolePreset(role ?? 'maker'))}>
        {t('settings.applyRole')}
      </button>
      <span className="hint">{t('settings.applyRoleHint')}</span>
    </div>
  );
}

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useDashboard((s) => s.settings);
  const { saving } = useDashboardShallow((s) => ({ saving: s.savingFields.length > 0 }));
  const zones = useMemo(timeZones, []);
  const batchDays = useField('batchWeekdays');
  if (!settings) return null;
  const b = settings.breakthrough;
  // Attempts, not messages: the sentence says what the two numbers mean together, as they stand.
  const { attempts, minutes } = b.repeatEscalation;
  const repeatNow = attempts === 0 ? t('settings.repeatOff') : t('settings.repeatNow', { count: attempts, ordinal: true, minutes, gap: MOMENT_GAP_MS / 60_000 });
  const min = t('common.minutesShort');
  return (
    <div className="page settings">
      <h1>{t('nav.settings')}</h1>
      <p className="saved" role="status" aria-live="polite">
        {saving ? t('settings.saving') : t('settings.savedAtOnce')}
      </p>
      <Section id="s-role" title={t('settings.roleTitle')}>
        <RoleField role={settings.role} />
      </Section>
      <Section id="s-batches" title={t('settings.batchesTitle')}>
        <BatchTimes value={settings.batchTimes} />
        <Weekdays legend={t('settings.batchWeekdays')} value={settings.batchWeekdays} error={batchDays.error} onChange={(days) => void batchDays.save({ batchWeekdays: days })} />
        <Toggle path="releaseAtBlockEnd" label={t('settings.releaseAtBlockEnd')} checked={settings.releaseAtBlockEnd} patch={(v) => ({ releaseAtBlockEnd: v })} />
        <TextInput path="maxHoldMinutes" type="number" label={t('settings.maxHold')} value={String(settings.maxHoldMinutes)} suffix={min} min={5} max={1440} hint={t('settings.maxHoldHint')} toPatch={(v) => ({ maxHoldMinutes: asNumber(v) as number })} />
        <Choice
          path="reviewAt"
          label={t('settings.reviewAt')}
          value={settings.reviewAt}
          options={(['block-end', 'every-batch', 'never'] as const).map((v) => ({ value: v, label: t(`settings.review.${v}`) }))}
          toPatch={(v) => ({ reviewAt: v })}
        />
      </Section>
      <Section id="s-blocks" title={t('settings.blocksTitle')}>
        <ScheduleRules value={settings.schedule} />
        <TextInput path="timeZone" label={t('settings.timeZone')} value={settings.timeZone} list="time-zones" toPatch={(v) => ({ timeZone: v.trim() })} />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Section>
      <Section id="s-breakthrough" title={t('settings.breakthroughTitle')}>
        <Toggle path="breakthrough.urgent" label={t('settings.urgent')} checked={b.urgent} patch={(v) => ({ breakthrough: { urgent: v } })} />
        <LinesInput path="breakthrough.vipSenders" label={t('settings.vipSenders')} hint={t('settings.onePerLine')} value={b.vipSenders} toPatch={(v) => ({ breakthrough: { vipSenders: v } })} />
        <LinesInput path="breakthrough.keywords" label={t('settings.keywords')} hint={t('settings.keywordsHint')} value={b.keywords} toPatch={(v) => ({ breakthrough: { keywords: v } })} />
        <LinesInput path="breakthrough.allowedApps" label={t('settings.allowedApps')} hint={t('settings.onePerLine')} value={b.allowedApps} toPatch={(v) => ({ breakthrough: { allowedApps: v } })} />
        <LinesInput
          path="breakthrough.neverBreaksThrough"
          label={t('settings.neverBreaksThrough')}
          hint={t('settings.neverBreaksThroughHint')}
          value={b.neverBreaksThrough}
          toPatch={(v) => ({ breakthrough: { neverBreaksThrough: v } })}
        />
        <div className="pair">
          <TextInput
            path="breakthrough.repeatEscalation.attempts"
            type="number"
            label={t('settings.repeatCount')}
            value={String(b.repeatEscalation.attempts)}
            min={0}
            max={20}
            toPatch={(v) => ({ breakthrough: { repeatEscalation: { attempts: asNumber(v) as number } } })}
          />
          <TextInput path="breakthrough.repeatEscalation.minutes" type="number" label={t('settings.repeatMinutes')} value={String(b.repeatEscalation.minutes)} suffix={min} min={1} max={240} toPatch={(v) => ({ breakthrough: { repeatEscalation: { minutes: asNumber(v) as number } } })} />
        </div>
        <p className="hint repeat-now" aria-live="polite">
          {repeatNow}
        </p>
      </Section>
      <Section id="s-estimates" title={t('settings.estimatesTitle')}>
        <TextInput path="refocusMinutes" type="number" label={t('settings.refocus')} value={String(settings.refocusMinutes)} suffix={min} min={0} max={120} hint={t('settings.refocusHint')} toPatch={(v) => ({ refocusMinutes: asNumber(v) as number })} />
      </Section>
      <Section id="s-sources" title={t('settings.sourcesTitle')}>
        <Toggle path="sources.httpInbox" label={t('settings.httpInbox')} checked={settings.sources.httpInbox} patch={(v) => ({ sources: { httpInbox: v } })} />
        <Toggle path="sources.compat" label={t('tokens.compat')} hint={t('tokens.compatHint')} checked={settings.sources.compat} patch={(v) => ({ sources: { compat: v } })} />
        <Toggle path="sources.desktopBus" label={t('settings.desktopBus')} checked={settings.sources.desktopBus} patch={(v) => ({ sources: { desktopBus: v } })} />
      </Section>
      <Section id="s-mail" title={t('mail.title')}>
        <MailSection />
      </Section>
      <Section id="s-tokens" title={t('tokens.title')}>
        <TokensSection />
      </Section>
      <Section id="s-storage" title={t('settings.storageTitle')}>
        <Choice
          path="storage.mode"
          label={t('settings.storageMode')}
          value={settings.storage.mode}
          options={(['full', 'titles'] as const).map((v) => ({ value: v, label: t(`settings.storage.${v}`) }))}
          toPatch={(v) => ({ storage: { mode: v } })}
        />
        <TextInput path="storage.retentionDays" type="number" label={t('settings.retention')} value={String(settings.storage.retentionDays)} suffix={t('common.daysShort')} min={1} max={3650} hint={t('settings.retentionHint')} toPatch={(v) => ({ storage: { retentionDays: asNumber(v) as number } })} />
      </Section>
      <Section id="s-app" title={t('settings.appTitle')}>
        <Toggle path="launchAtLogin" label={t('settings.launchAtLogin')} checked={settings.launchAtLogin} patch={(v) => ({ launchAtLogin: v })} />
        <TextInput path="shortcut" label={t('settings.shortcut')} value={settings.shortcut} hint={t('settings.shortcutHint')} toPatch={(v) => ({ shortcut: v.trim() })} />
        <Choice
          path="language"
          label={t('settings.language')}
          value={settings.language}
          options={[
            { value: 'system', label: t('settings.languageSystem') },
            { value: 'en', label: 'English' },
            { value: 'sv', label: 'Svenska' },
          ]}
          toPatch={(v) => ({ language: v })}
        />
      </Section>
    </div>
  );
}
