import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { EntriesScreen } from './EntriesScreen';
import { EntryScreen } from './EntryScreen';
import { QuarantineScreen } from './QuarantineScreen';
import { SignersScreen } from './SignersScreen';
import { TreeHeadScreen } from './TreeHeadScreen';

/** The ledger explorer: every proof and signature is checked in the browser with libs/audit. */
function Screens() {
  return (
    <Routes>
      <Route index element={<TreeHeadScreen />} />
      <Route path="entries" element={<EntriesScreen />} />
      <Route path="entries/:index" element={<EntryScreen />} />
      <Route path="quarantine" element={<QuarantineScreen />} />
      <Route path="signers" element={<SignersScreen />} />
      <Route path="*" element={<Navigate to="/auditor" replace />} />
    </Routes>
  );
}

export const auditorConsole: RoleConsole = {
  base: 'auditor',
  namespace: 'auditor',
  nav: [
    { to: '', labelKey: 'nav.treeHead' },
    { to: 'entries', labelKey: 'nav.entries' },
    { to: 'quarantine', labelKey: 'nav.quarantine' },
    { to: 'signers', labelKey: 'nav.signers' },
  ],
  Screens,
};
