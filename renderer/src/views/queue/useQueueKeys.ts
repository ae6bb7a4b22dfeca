// The queue's keyboard: j/k (or arrows) move, enter opens (a group: folds it), e done, s snooze,
// x dismiss, u or Ctrl+Z undo, ? help. Keys typed into a text field are left alone.
import { useEffect } from 'react';
import type { QueueAction } from '../../store/slices/queue/action.ts';

type Keys = Pick<QueueAction, 'moveActive' | 'moveActiveTo' | 'toggleGroup' | 'act' | 'openActive' | 'undo' | 'setHelp'> & { helpOpen: boolean };

export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
const isControl = (target: EventTarget | null): boolean => target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);

export function handleQueueKey(event: KeyboardEvent, keys: Keys): boolean {
  // Handled already by a part of the window with keys of its own (the review's verdict list).
  if (event.defaultPrevented || isTyping(event.target)) return false;
  if (keys.helpOpen) {
    if (event.key === 'Escape' || event.key === '?') {
      keys.setHelp(false);
      return true;
    }
    return false;
  }
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
    keys.undo();
    return true;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      keys.moveActive(1);
      return true;
    case 'k':
    case 'ArrowUp':
      keys.moveActive(-1);
      return true;
    case 'PageDown':
      keys.moveActive(10);
      return true;
    case 'PageUp':
      keys.moveActive(-10);
      return true;
    case 'Home':
      keys.moveActiveTo('first');
      return true;
    case 'End':
      keys.moveActiveTo('last');
      return true;
    case 'ArrowLeft':
      keys.toggleGroup(undefined, false);
      return true;
    case 'ArrowRight':
      keys.toggleGroup(undefined, true);
      return true;
    case 'Enter':
      if (isControl(event.target)) return false;
      void keys.openActive();
      return true;
    case 'e':
      keys.act('done');
      return true;
    case 's':
      keys.act('snooze');
      return true;
    case 'x':
      keys.act('dismiss');
      return true;
    case 'u':
      keys.undo();
      return true;
    case '?':
      keys.setHelp(true);
      return true;
    default:
      return false;
  }
}

/** Listens on the document while the queue is on screen. */
export function useQueueKeys(keys: Keys): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (handleQueueKey(event, keys)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys]);
}
