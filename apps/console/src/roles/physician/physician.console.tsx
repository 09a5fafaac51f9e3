import { Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { DossierPage } from './DossierPage';
import { NewPrescriptionPage } from './NewPrescriptionPage';
import { NotificationsPage } from './NotificationsPage';
import { PatientsPage } from './PatientsPage';
import { PrescriptionPage } from './PrescriptionPage';
import { PrescriptionsPage } from './PrescriptionsPage';
import { RenewalPage } from './RenewalPage';

/** The prescriber's screens: their prescriptions (home), a new one with live HAS feedback, their patients, their inbox. */
function Screens() {
  return (
    <Routes>
      <Route index element={<PrescriptionsPage />} />
      <Route path="prescriptions/new" element={<NewPrescriptionPage />} />
      <Route path="prescriptions/:id" element={<PrescriptionPage />} />
      <Route path="prescriptions/:id/renewal" element={<RenewalPage />} />
      <Route path="prescriptions/:id/dossier" element={<DossierPage />} />
      <Route path="patients" element={<PatientsPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
    </Routes>
  );
}

export const physicianConsole: RoleConsole = {
  base: 'physician',
  namespace: 'physician',
  nav: [
    { to: '', labelKey: 'nav.prescriptions' },
    { to: 'prescriptions/new', labelKey: 'nav.newPrescription' },
    { to: 'patients', labelKey: 'nav.patients' },
    { to: 'notifications', labelKey: 'nav.notifications' },
  ],
  Screens,
};
