// Advances the store's "now" at each minute boundary, so relative times and the now-line move.
import { useEffect } from 'react';

export function useMinuteTick(tick: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = (): void => {
      timer = setTimeout(() => {
        tick();
        arm();
      }, 60_000 - (Date.now() % 60_000) + 50);
    };
    arm();
    return () => clearTimeout(timer);
  }, [tick]);
}
