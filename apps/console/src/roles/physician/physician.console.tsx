import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { PrescriptionsScreen } from './PrescriptionsScreen';

function Screens() {
  return (
    <Routes>
      <Route index element={<PrescriptionsScreen />} />
      <Route path="*" element={<Navigate to="/physician" replace />} />
    </Routes>
  );
}

export const physicianConsole: RoleConsole = { base: 'physician', namespace: 'physician', nav: [{ to: '', labelKey: 'nav.prescriptions' }], Screens };
