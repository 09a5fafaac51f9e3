/** The operator screens' labels, French first: a télésurveillance and its patient's droits (AMO rights). */
export const labels = {
  fr: {
    nav: { enrolments: 'Télésurveillances' },
    enrolments: {
      title: 'Télésurveillances à traiter',
      caption: 'Inclusions en télésurveillance',
      prescription: 'Ordonnance',
      rights: 'Droits AMO',
      device: 'Dispositif (n° de série)',
      activatedAt: 'Activée le',
      lastTransmission: 'Dernière transmission',
    },
    rights: { PENDING: 'En attente', OPEN: 'Ouverts', CLOSED: 'Fermés', UNAVAILABLE: 'Indisponibles' },
  },
  en: {
    nav: { enrolments: 'Remote monitoring' },
    enrolments: {
      title: 'Remote monitoring to act on',
      caption: 'Remote monitoring enrolments',
      prescription: 'Prescription',
      rights: 'AMO rights',
      device: 'Device (serial number)',
      activatedAt: 'Activated',
      lastTransmission: 'Last transmission',
    },
    rights: { PENDING: 'Pending', OPEN: 'Open', CLOSED: 'Closed', UNAVAILABLE: 'Unavailable' },
  },
};
