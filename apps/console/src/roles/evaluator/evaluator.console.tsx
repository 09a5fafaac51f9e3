import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { CatalogueScreen } from './CatalogueScreen';
import { DeviceReviewScreen } from './DeviceReviewScreen';
import { ReviewQueueScreen } from './ReviewQueueScreen';

/** The evaluation body: the products submitted for review, the catalogue of every device, and each device's review and certification follow-up. */
function Screens() {
  return (
    <Routes>
      <Route index element={<ReviewQueueScreen />} />
      <Route path="catalogue" element={<CatalogueScreen />} />
      <Route path="device/:id" element={<DeviceReviewScreen />} />
      <Route path="*" element={<Navigate to="/evaluator" replace />} />
    </Routes>
  );
}

export const evaluatorConsole: RoleConsole = {
  base: 'evaluator',
  namespace: 'evaluator',
  nav: [
    { to: '', labelKey: 'nav.queue' },
    { to: 'catalogue', labelKey: 'nav.catalogue' },
  ],
  Screens,
};
