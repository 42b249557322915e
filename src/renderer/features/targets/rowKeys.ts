import type { KeyboardEvent } from 'react';

/** Enter on a focused table row does what its main button does. */
export function activateOnEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    action();
  };
}
