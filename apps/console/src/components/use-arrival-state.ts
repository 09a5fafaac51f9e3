import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * What the screen that navigated here said of its write ("issued",
 * "registered"), read once: the history entry's state is then cleared, so a
 * reload or a return to this page does not announce that write again.
 */
export function useArrivalState<T>(): T | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrival] = useState(() => (location.state as T | null) ?? null);
  useEffect(() => {
    if (location.state !== null && location.state !== undefined) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);
  return arrival;
}
