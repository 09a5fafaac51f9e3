import { Navigate, Route, Routes } from 'react-router-dom';
import type { RoleConsole } from '../role-console';
import { EditProductScreen } from './EditProductScreen';
import { NewProductScreen } from './NewProductScreen';
import { ProductScreen } from './ProductScreen';
import { ProductsScreen } from './ProductsScreen';

/** The manufacturer: its products, registered as drafts, edited, submitted, and followed through their review. */
function Screens() {
  return (
    <Routes>
      <Route index element={<ProductsScreen />} />
      <Route path="new" element={<NewProductScreen />} />
      <Route path="product/:id" element={<ProductScreen />} />
      <Route path="product/:id/edit" element={<EditProductScreen />} />
      <Route path="*" element={<Navigate to="/vendor" replace />} />
    </Routes>
  );
}

export const vendorConsole: RoleConsole = {
  base: 'vendor',
  namespace: 'vendor',
  nav: [
    { to: '', labelKey: 'nav.products' },
    { to: 'new', labelKey: 'nav.register' },
  ],
  Screens,
};
