import { useEffect, useRef } from 'react';
import { Done } from '../../components/Section';

/**
 * What a write achieved, given the focus: the form that was used is gone
 * with the status it acted on, so a keyboard user is brought here rather
 * than left at the top of the page. Mount it anew (a new key) for each write.
 */
export function DoneNotice({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1}>
      <Done>{message}</Done>
    </div>
  );
}
