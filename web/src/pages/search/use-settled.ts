import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms`; until then, the value that last did. Work that can
 * wait for a person to stop typing asks with this, and nothing for the words on the way.
 */
export function useSettled<T extends string | null>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
