/** The vendor screens' labels, French first. */
export const labels = {
  fr: {
    nav: { products: 'Mes produits' },
    products: {
      title: 'Mes produits',
      caption: 'Dispositifs médicaux connectés',
      name: 'Nom',
      model: 'Modèle',
      udiDi: 'IUD-ID',
      ceClass: 'Classe CE',
      validUntil: 'Certifié jusqu’au',
    },
  },
  en: {
    nav: { products: 'My products' },
    products: {
      title: 'My products',
      caption: 'Connected medical devices',
      name: 'Name',
      model: 'Model',
      udiDi: 'UDI-DI',
      ceClass: 'CE class',
      validUntil: 'Certified until',
    },
  },
};
