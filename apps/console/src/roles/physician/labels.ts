/** The physician screens' labels, French first: an ordonnance de télésurveillance. */
export const labels = {
  fr: {
    nav: { prescriptions: 'Mes ordonnances' },
    prescriptions: {
      title: 'Mes ordonnances de télésurveillance',
      caption: 'Ordonnances émises',
      patient: 'Patient',
      indication: 'Indication',
      start: 'Début',
      end: 'Fin',
      renewal: 'Renouvellement',
    },
  },
  en: {
    nav: { prescriptions: 'My prescriptions' },
    prescriptions: {
      title: 'My remote monitoring prescriptions',
      caption: 'Prescriptions issued',
      patient: 'Patient',
      indication: 'Indication',
      start: 'Start',
      end: 'End',
      renewal: 'Renewal',
    },
  },
};
