import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { ReviewQueueScreen } from './ReviewQueueScreen';

function Screens() {
  return (
    <Routes>
      <Route index element={<ReviewQueueScreen />} />
      <Route path="*" element={<Navigate to="/evaluator" replace />} />
    </Routes>
  );
}

export const evaluatorConsole: RoleConsole = { base: 'evaluator', namespace: 'evaluator', nav: [{ to: '', labelKey: 'nav.queue' }], Screens };
