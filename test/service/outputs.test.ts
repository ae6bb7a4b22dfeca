// The outputs runner: each output hears the engine's events and gets its slice of the settings;
// one that fails to start is shown as unavailable; an output's health joins the line of the
// source it names.
import { describe, expect, it } from 'vitest';
import type { Health } from '../../main/core/ports.ts';
import type { Settings } from '../../main/core/settings.ts';
import { defineOutput, type OutputDefinition } from '../../main/delivery/output.ts';
import { foldHealth, joinHealth, openOutputs } from '../../main/service/outputs.ts';
import { harness } from '../support/engineHarness.ts';

function open(definitions: readonly OutputDefinition[]) {
  const h = harness('2026-11-23T08:00:00Z');
  const listeners = new Set<(s: Settings) => void>();
  let health = 0;
  const outputs = openOutputs(definitions, {
    engine: h.engine, clock: h.clock, dataDir: '', env: { HOME: '/home/x' },
    onSettings: (l) => (listeners.add(l), () => void listeners.delete(l)),
    healthChanged: () => void health++,
  });
  const setSettings = (patch: Partial<Settings>) => {
    const next = { ...h.engine.getSettings(), ...patch };
    h.engine.setSettings(next);
    for (const l of listeners) l(next);
  };
  return { ...h, outputs, setSettings, healthCalls: () => health };
}

describe('outputs', () => {
  it('hear the events, their settings slice (only when it changes) and the environment; stop unsubscribes', async () => {
    const heard: string[] = [];
    const slices: string[] = [];
    const t = open([
      defineOutput({
        name: 'recorder',
        settings: (all) => all.language,
        start(ctx) {
          ctx.onEvent((e) => void heard.push(e.type));
          ctx.settings.onChange((lang) => void slices.push(lang));
          heard.push(`env ${ctx.env.HOME} ${ctx.settings.get()} ${ctx.status().state}`);
          return { stop: async () => void heard.push('stopped') };
        },
      }),
    ]);
    await t.outputs.ready;
    t.engine.startFocus({ minutes: 30 });
    t.setSettings({ maxHoldMinutes: 30 });
    t.setSettings({ language: 'sv' });
    await t.outputs.stop();
    t.engine.endFocus();
    expect(heard.slice(0, 2)).toEqual(['env /home/x system idle', 'block-started']);
    expect(heard.at(-1)).toBe('stopped');
    expect(heard).not.toContain('block-ended');
    expect(slices).toEqual(['sv']);
    expect(t.healthCalls()).toBe(1);
  });

  it('one that fails to start is unavailable; the others run; one without health() is not listed', async () => {
    const t = open([
      defineOutput({ name: 'broken', settings: () => null, start: () => Promise.reject(new Error('no display')) }),
      defineOutput({ name: 'fine', settings: () => null, start: () => ({ health: (): Health => ({ state: 'running' }), stop: async () => {} }) }),
      defineOutput({ name: 'silent', settings: () => null, start: () => ({ stop: async () => {} }) }),
    ]);
    await t.outputs.ready;
    expect(t.outputs.health()).toEqual({ broken: { health: { state: 'unavailable', detail: 'could not start; see the log' } }, fine: { health: { state: 'running' } } });
    await t.outputs.stop();
  });
});

describe('an output’s health joined to its source’s line', () => {
  const running = (detail: string): Health => ({ state: 'running', detail });
  it('the source’s line when it cannot run, then the output’s problem, then the source’s, else both', () => {
    expect(joinHealth({ state: 'unavailable', detail: 'no bus' }, { state: 'degraded', detail: 'x' })).toEqual({ state: 'unavailable', detail: 'no bus' });
    expect(joinHealth({ state: 'stopped', detail: 'off' }, running('held'))).toEqual({ state: 'stopped', detail: 'off' });
    expect(joinHealth({ state: 'degraded', detail: 'lost some' }, { state: 'degraded', detail: 'cannot pause' })).toEqual({ state: 'degraded', detail: 'cannot pause' });
    expect(joinHealth({ state: 'degraded', detail: 'lost some' }, running('held'))).toEqual({ state: 'degraded', detail: 'lost some' });
    expect(joinHealth(running('recording'), running('held'))).toEqual(running('recording; held'));
  });

  it('listed under its own name when the source it names is not there', () => {
    expect(foldHealth({ 'http-inbox': { state: 'running' } }, { 'daemon-hold': { health: running('held'), healthOf: 'desktop-bus' }, feed: { health: running('ok') } })).toEqual({
      'http-inbox': { state: 'running' },
      'daemon-hold': running('held'),
      feed: running('ok'),
    });
    expect(foldHealth({ 'desktop-bus': running('recording') }, { 'daemon-hold': { health: running('held'), healthOf: 'desktop-bus' } })).toEqual({ 'desktop-bus': running('recording; held') });
  });
});
