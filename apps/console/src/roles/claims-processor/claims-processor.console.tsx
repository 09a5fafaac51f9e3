import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { ClaimQueueScreen } from './ClaimQueueScreen';
import { ClaimScreen } from './ClaimScreen';
import { RemittanceScreen } from './RemittanceScreen';
import { RemittancesScreen } from './RemittancesScreen';

/** The Assurance Maladie claims processor: the work queue, each claim decided whole or line by line, and the remittances paid. */
function Screens() {
  return (
    <Routes>
      <Route index element={<ClaimQueueScreen />} />
      <Route path="claim/:id" element={<ClaimScreen />} />
      <Route path="remittances" element={<RemittancesScreen />} />
      <Route path="remittances/:id" element={<RemittanceScreen />} />
      <Route path="*" element={<Navigate to="/claims" replace />} />
    </Routes>
  );
}

export const claimsProcessorConsole: RoleConsole = {
  base: 'claims',
  namespace: 'claims-processor',
  nav: [
    { to: '', labelKey: 'nav.queue' },
    { to: 'remittances', labelKey: 'nav.remittances' },
  ],
  Screens,
};
