/**
 * The councils a doctor on this site can be registered with, and the form each council's registration numbers
 * take, so that the content schema refuses a number that could not be real. Dentists register with the State
 * Dental Council of each state they practise in (Dentists Act 1948, Part A of the register: "A-" and a serial);
 * doctors with the State Medical Council, whose entries also make up the National Medical Commission's Indian
 * Medical Register. Karnataka Medical Council numbers are a plain serial; Maharashtra Medical Council numbers
 * since 2000 are year/month/serial; Delhi Medical Council numbers read DMC/R/ and a serial.
 */
export const councils = {
  'karnataka-state-dental-council': {
    name: 'Karnataka State Dental Council',
    state: 'Karnataka',
    profession: 'dental',
    numberFormat: /^A-\d{4,5}$/,
  },
  'maharashtra-state-dental-council': {
    name: 'Maharashtra State Dental Council',
    state: 'Maharashtra',
    profession: 'dental',
    numberFormat: /^A-\d{4,5}$/,
  },
  'karnataka-medical-council': {
    name: 'Karnataka Medical Council',
    state: 'Karnataka',
    profession: 'medical',
    numberFormat: /^\d{5,6}$/,
  },
  'maharashtra-medical-council': {
    name: 'Maharashtra Medical Council',
    state: 'Maharashtra',
    profession: 'medical',
    numberFormat: /^(19|20)\d{2}\/(0[1-9]|1[0-2])\/\d{4}$/,
  },
  'delhi-medical-council': {
    name: 'Delhi Medical Council',
    state: 'Delhi',
    profession: 'medical',
    numberFormat: /^DMC\/R\/\d{4,5}$/,
  },
} as const;

export type CouncilId = keyof typeof councils;
export const councilIds = Object.keys(councils) as [CouncilId, ...CouncilId[]];
