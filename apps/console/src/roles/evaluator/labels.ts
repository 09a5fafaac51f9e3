/** The evaluator screens' labels, French first. */
export const labels = {
  fr: {
    nav: { queue: 'File d’évaluation' },
    queue: { title: 'File d’évaluation', caption: 'Produits soumis à évaluation', name: 'Nom', manufacturer: 'Fabricant', ceClass: 'Classe CE', indications: 'Indications' },
  },
  en: {
    nav: { queue: 'Review queue' },
    queue: { title: 'Review queue', caption: 'Products submitted for evaluation', name: 'Name', manufacturer: 'Manufacturer', ceClass: 'CE class', indications: 'Indications' },
  },
};
