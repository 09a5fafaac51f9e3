import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { ProductsScreen } from './ProductsScreen';

function Screens() {
  return (
    <Routes>
      <Route index element={<ProductsScreen />} />
      <Route path="*" element={<Navigate to="/vendor" replace />} />
    </Routes>
  );
}

export const vendorConsole: RoleConsole = { base: 'vendor', namespace: 'vendor', nav: [{ to: '', labelKey: 'nav.products' }], Screens };
