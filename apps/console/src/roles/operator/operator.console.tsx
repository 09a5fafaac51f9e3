import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { EnrolmentScreen } from './EnrolmentScreen';
import { EnrolmentsScreen } from './EnrolmentsScreen';

/** The telemonitoring operator: the enrolments to act on, and each one's steps from consent to observance. */
function Screens() {
  return (
    <Routes>
      <Route index element={<EnrolmentsScreen />} />
      <Route path="enrolments/:id" element={<EnrolmentScreen />} />
      <Route path="*" element={<Navigate to="/operator" replace />} />
    </Routes>
  );
}

export const operatorConsole: RoleConsole = { base: 'operator', namespace: 'operator', nav: [{ to: '', labelKey: 'nav.enrolments' }], Screens };
