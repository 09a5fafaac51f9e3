import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { ClaimQueueScreen } from './ClaimQueueScreen';

function Screens() {
  return (
    <Routes>
      <Route index element={<ClaimQueueScreen />} />
      <Route path="*" element={<Navigate to="/claims" replace />} />
    </Routes>
  );
}

export const claimsProcessorConsole: RoleConsole = { base: 'claims', namespace: 'claims-processor', nav: [{ to: '', labelKey: 'nav.queue' }], Screens };
