/** The claims processor screens' labels, French first: a demande de remboursement of the forfaits opérateur and technique. */
export const labels = {
  fr: {
    nav: { queue: 'File de liquidation' },
    queue: {
      title: 'File de liquidation',
      caption: 'Demandes de remboursement reçues',
      period: 'Mois facturé',
      periodHint: 'Vide : tous les mois.',
      periodColumn: 'Mois',
      billableDays: 'Jours facturables',
      total: 'Montant des forfaits',
      amoShare: 'Part AMO',
      tariff: 'Version du tarif',
    },
  },
  en: {
    nav: { queue: 'Work queue' },
    queue: {
      title: 'Work queue',
      caption: 'Claims received',
      period: 'Month billed',
      periodHint: 'Empty: every month.',
      periodColumn: 'Month',
      billableDays: 'Billable days',
      total: 'Flat fees',
      amoShare: 'AMO share',
      tariff: 'Tariff version',
    },
  },
};
