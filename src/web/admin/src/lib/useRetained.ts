/**
 * Keeps the last non-null value, so a dialog that closes because its subject became null can
 * still show that subject during its closing animation.
 */
import { useState } from 'react';

/** `value`, or the last non-null value it had. */
export function useRetained<T>(value: T | null): T | null {
  const [kept, setKept] = useState<T | null>(value);
  // Updating state while rendering is React's documented way to track a previous value.
  if (value !== null && value !== kept) setKept(value);
  return value ?? kept;
}
