import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { EnrolmentsScreen } from './EnrolmentsScreen';

function Screens() {
  return (
    <Routes>
      <Route index element={<EnrolmentsScreen />} />
      <Route path="*" element={<Navigate to="/operator" replace />} />
    </Routes>
  );
}

export const operatorConsole: RoleConsole = { base: 'operator', namespace: 'operator', nav: [{ to: '', labelKey: 'nav.enrolments' }], Screens };
