import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/core/clock.ts';

describe('system clock', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-23T09:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('never calls back synchronously, even for a past moment', () => {
    const fn = vi.fn();
    systemClock.at(Date.now() - 1000, fn);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits past setTimeout’s limit by re-arming, and fires once at the moment', () => {
    const fn = vi.fn();
    const at = Date.now() + 30 * 86_400_000;
    systemClock.at(at, fn);
    vi.advanceTimersByTime(30 * 86_400_000 - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('can be cancelled', () => {
    const fn = vi.fn();
    const cancel = systemClock.at(Date.now() + 1000, fn);
    cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).not.toHaveBeenCalled();
  });
});
