/**
 * Every word the pages and their components show, in English. ui-hi.ts has the same keys in Hindi (the compiler
 * and tests/unit/translations.test.ts hold them to the same shape). Links are written as the English pages'
 * addresses: RichText and the pages turn them into the page's language where that page has a twin.
 */
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianConsentCheck, guardianConsentStatement } from '#functions/clinic/policy-wording.ts';
import type { Rich } from './rich-text.ts';

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

export const englishUi = {
  /** "A, B and C". */
  list: (items: readonly string[]) => listFormat.format(items),
  tagline: clinic.tagline as string,
  /** Said after a link whose page is not (yet) in the page's language. */
  inEnglish: '',
  layout: {
    skipLink: 'Skip to main content',
    language: 'Language',
  },
  header: {
    nav: 'Main',
    treatments: 'Treatments',
    locations: 'Locations',
    about: 'About',
    contact: 'Contact',
    book: 'Book a visit',
  },
  breadcrumbs: { label: 'Breadcrumb', home: 'Home' },
  /** The policies' and terms' pages. */
  legal: { updated: 'Last updated', version: 'Version', contents: 'Contents' },
  cookieTable: {
    caption: 'Cookies this site can set, by service',
    headers: ['Cookie', 'Service and provider', 'Category', 'Kept for', 'Purpose'],
    thisWebsite: 'This website',
    us: 'Us',
    noServices:
      'This website currently uses no analytics or marketing services, so only the consent record and your language choice can be set.',
  },
  actionBar: { label: 'Call, WhatsApp or book', call: 'Call', whatsapp: 'WhatsApp', book: 'Book' },
  contactActions: { call: 'Call', whatsapp: 'WhatsApp' },
  footer: {
    clinics: 'Our clinics',
    talk: 'Talk to us',
    call: 'Call',
    whatsapp: 'WhatsApp',
    emergency: 'In a medical emergency, call 112 or go to the nearest hospital.',
    newsletter: 'Our newsletter',
    newsletterPitch: 'Care tips and news, once or twice a month. For adults; we email you a link to confirm.',
    email: 'Email',
    birthYear: 'Year of birth',
    honeypot: 'Leave this field empty',
    consent: 'Email me the newsletter. I can unsubscribe any time.',
    howWeUseEmail: 'How we use your email',
    signUp: 'Sign up',
    legal: 'Privacy and legal',
    privacyPolicy: 'Privacy policy',
    cookiePolicy: 'Cookie policy',
    terms: 'Terms of use',
    privacyRights: 'Your privacy rights',
    grievanceOfficer: 'Grievance officer',
    cookieSettings: 'Cookie settings',
    notAdvice: (year: number, legalName: string) =>
      `© ${year} ${legalName}. Information on this site is general and is not medical advice.`,
  },
  home: {
    description:
      'Dental, skin and hair care across Bengaluru, Mumbai and New Delhi. Clear prices, doctors who explain your options, and appointments on your schedule.',
    heroTitle: 'Dental, skin and hair care that starts with a clear explanation',
    heroLead:
      'Our dentists and dermatologists examine first, explain what they see, and give you a written plan with the price before any treatment begins.',
    requestAppointment: 'Request an appointment',
    browseTreatments: 'Browse treatments',
    heroImage:
      'Illustration of one of our treatment rooms: a dental chair and lamp, a desk by the window, a registration certificate on the wall',
    whatWeTreat: 'What we treat',
    allInSpecialty: (specialty: string, count: number) => `All ${specialty.toLowerCase()} treatments (${count})`,
    doctors: 'Our doctors',
    doctorsLead:
      'Each is registered with the council of every state they see patients in: check the number before you book.',
    doctorsLink: 'Qualifications, languages and where each doctor works',
    reviews: 'Read what patients say about us (opens an external site)',
    firstVisit: 'How a first visit works',
    steps: [
      { title: 'Ask for a slot.', text: 'Request a time online, call, or message us on WhatsApp.' },
      {
        title: 'Meet the doctor.',
        text: 'An examination and an honest conversation about what will and will not help.',
      },
      {
        title: 'Get a written plan.',
        text: 'Options, number of visits and the full price, so you can decide at home.',
      },
    ],
    cities: (count: number) => `Visit us in ${count} cities`,
    privacy: 'Your privacy comes first',
    privacyText: [
      `${clinic.brand} loads no analytics or advertising tools unless you say yes, and never on the booking pages. Read our `,
      { href: '/privacy-policy/', text: 'privacy policy' },
      ' and ',
      { href: '/cookie-policy/', text: 'cookie policy' },
      '.',
    ] as Rich,
  },
  treatments: {
    title: 'Treatments',
    description:
      'Dental, skin and hair treatments at Kalpa Clinics: what each involves, how many visits it takes, recovery, risks and starting prices in rupees.',
    lead: 'Each page explains what the treatment involves, who it suits, the number of visits, recovery, risks and a starting price. Your doctor confirms what is right for you after an examination.',
    specialties: 'Specialties',
  },
  treatmentCard: { from: (price: string, unit: string) => `From ${price} ${unit}` },
  treatment: {
    requestAppointment: 'Request an appointment',
    firstConsultation: (fee: string) => `First consultation ${fee}`,
    startingFrom: 'Starting from',
    visits: 'Visits',
    eachVisit: 'Each visit',
    whatItIs: 'What it is',
    whoItSuits: 'Who it suits',
    whoShouldWait: 'Who should wait or talk to us first',
    howItWorks: 'How it works, step by step',
    stepTitle: (title: string) => `${title}.`,
    recovery: 'Recovery',
    risks: 'Risks and side effects',
    price: 'Price',
    priceBefore: 'Starting from ',
    priceAfter:
      '. Your doctor confirms the price in writing after the examination; it depends on what the examination finds and the materials chosen.',
    whoYouWillSee: 'Who you will see',
    where: 'Where we offer it',
    questions: 'Questions people ask',
  },
  bookingCallToAction: {
    heading: (treatment: string) => `Book a consultation for ${treatment.toLowerCase()}`,
    text: 'The first visit is an examination and a conversation. Nothing is done without your agreement to a written plan.',
    requestAppointment: 'Request an appointment',
    call: 'Call',
    whatsapp: 'WhatsApp us',
    whatsappMessage: (treatment: string) => `Hello, I would like to ask about ${treatment}.`,
  },
  consultationFees: {
    forSpecialty: (specialty: string) => `A first consultation in ${specialty.toLowerCase()} costs `,
    paidAtClinic: ', paid at the clinic. Any treatment is priced in writing first, and only goes ahead if you agree.',
    listNote: 'Paid at the clinic. Any treatment is priced in writing first, and only goes ahead if you agree.',
  },
  hours: {
    days: 'Days',
    hours: 'Hours',
    caption: (branch: string) => `Opening hours at ${branch}`,
  },
  doctorCard: {
    registrationNumber: (council: string, number: string) => `${council} no. ${number}`,
    yearsInPractice: (years: number) => `${years} years in practice`,
    qualifications: 'Qualifications',
    registrations: (count: number): string => (count === 1 ? 'Registration' : 'Registrations'),
    councilNumber: (council: string) => `${council}, no.`,
    inPractice: 'In practice',
    yearsSince: (years: number, since: number) => `${years} years (since ${since})`,
    languages: 'Languages',
    seesPatientsAt: 'Sees patients at',
  },
  locations: {
    title: 'Our clinics',
    description:
      'Kalpa Clinics branches in Bengaluru, Mumbai and New Delhi: addresses, opening hours, directions, parking and the specialties at each clinic.',
    lead: 'Choose the branch nearest to you. Each page has opening hours, directions, parking and access details.',
  },
  location: {
    title: (branch: string) => `${branch} clinic`,
    address: 'Address',
    map: 'Open in Google Maps',
    externalSite: '(opens an external site)',
    whatsappMessage: (branch: string) => `Hello, I have a question for the ${branch} clinic.`,
    openingHours: 'Opening hours',
    timeZoneNote: 'Hours are in Indian Standard Time. Public holidays may differ; call before you travel.',
    about: 'About this clinic',
    gettingThere: 'Getting there',
    parking: 'Parking',
    access: 'Access',
    doctors: 'Doctors at this clinic',
    treatments: 'Treatments at this clinic',
  },
  about: {
    title: 'About us',
    description:
      'Who we are at Kalpa Clinics: our dentists, dermatologists and hair specialists, how we work, and what you can expect from every visit.',
    heading: (brand: string) => `About ${brand}`,
    lead: (cities: string) =>
      `We are a group of dental, skin and hair clinics in ${cities}. Our doctors see fewer patients per hour than most, because explaining things properly takes time.`,
    howWeWork: 'How we work',
    principles: [
      'An examination comes before any recommendation. Nobody is sold a package at the front desk.',
      'You get a written treatment plan with the number of visits and the full price before you agree to it.',
      'We tell you when a treatment is unlikely to help, and when you need a different specialist.',
      'Patients under 18 are seen with a parent or guardian, who gives consent for their care.',
      'Your records stay with the clinical team. Marketing staff never see medical details.',
    ],
    team: 'Our doctors',
    teamText: (names: string) =>
      `${names} see patients at our clinics. Each is registered with the council of every state they work in.`,
    teamLink: 'Meet our doctors: qualifications, registration numbers and years in practice',
    company: 'The company',
    companyText: (brand: string, legalName: string, office: string) =>
      `${brand} is run by ${legalName}, registered office: ${office}. Each branch is registered as a clinical establishment in its state.`,
  },
  doctors: {
    title: 'Our doctors',
    description:
      'The dentists, dermatologists and hair specialists at Kalpa Clinics: qualifications, council registration numbers, years in practice and languages.',
    lead: 'Every doctor here is registered with the council of each state they see patients in. The registration number is next to their name, so you can check it before you book.',
    councils: (councils: string) =>
      `Dentists are registered with their State Dental Council; skin and hair doctors with their State Medical Council, whose registrations the National Medical Commission also lists in its Indian Medical Register. The councils our doctors are registered with: ${councils}.`,
    image:
      'Illustration of a consultation room: a desk with a written treatment plan, chairs for the doctor and the patient, certificates on the wall',
  },
  contact: {
    title: 'Contact us',
    description:
      'Call, WhatsApp or email Kalpa Clinics in Bengaluru, Mumbai or New Delhi. Opening hours for every branch and how to reach our grievance officer.',
    lead: 'The quickest way to book or ask a question is to call or message the branch you want to visit. For a medical emergency, call 112 or go to the nearest hospital.',
    centralDesk: 'Central appointments desk',
    call: 'Call',
    whatsapp: 'WhatsApp',
    email: (email: string) => `Email ${email}`,
    branches: 'Branches',
    privacy: 'Privacy questions and grievances',
    timelines: (hours: number, days: number) =>
      [
        `. We acknowledge within ${hours} hours and resolve within ${days} days. See the `,
        { href: '/privacy-policy/#your-rights', text: 'rights section of our privacy policy' },
        '.',
      ] as Rich,
  },
  notFound: {
    title: 'Page not found',
    description:
      'The page you asked for is not on the Kalpa Clinics website. Try our treatments, clinic locations or contact page.',
    heading: 'We could not find that page',
    lead: 'The link may be old or mistyped. These pages may help:',
    home: 'Home page',
    book: 'Request an appointment',
    locations: 'Clinic locations and opening hours',
    contact: 'Call or WhatsApp us',
    specialty: (specialty: string) => `${specialty} treatments`,
  },
  formNotice: {
    collect: 'What we collect',
    purpose: 'What we use it for',
    withdraw: 'Withdrawing consent',
    what: 'What',
    why: 'Why',
    complaints: 'Complaints',
    complaintsText: (email: string, board: string, host: string, website: string) =>
      [
        'to our Grievance Officer at ',
        { href: `mailto:${email}`, text: email },
        `, then, if you are not satisfied, online to the ${board} at `,
        { href: website, text: host },
        '.',
      ] as Rich,
    readFull: 'Read the full notice',
    questions: 'Questions and complaints',
    questionsText: (officer: {
      name: string;
      email: string;
      phone: string;
      phoneHref: string;
      hours: number;
      days: number;
      board: string;
      host: string;
      website: string;
    }) =>
      [
        `contact our Grievance Officer, ${officer.name}, at `,
        { href: `mailto:${officer.email}`, text: officer.email },
        ' or ',
        { href: officer.phoneHref, text: officer.phone },
        `. We acknowledge every complaint within ${officer.hours} hours and resolve it within ${officer.days} days. If you are not satisfied, you can then complain online to the ${officer.board} at `,
        { href: officer.website, text: officer.host },
        ' (see ',
        { href: '/privacy-policy/#grievances-and-complaints', text: 'grievances and complaints' },
        ').',
      ] as Rich,
    inFull: (policy: { href: string; text: string }) => ['In full: ', policy, '.'] as Rich,
    trackerFree: [
      'This page loads no analytics or advertising tools (see ',
      { href: '/cookie-policy/#pages-that-never-load-trackers', text: 'pages that never load trackers' },
      ').',
    ] as Rich,
  },
  form: {
    errorTitle: (title: string) => `Error: ${title}`,
    backHome: 'Back to the home page',
  },
  booking: {
    title: 'Request an appointment',
    description:
      'Request a consultation at Kalpa Clinics in Bengaluru, Mumbai or New Delhi: choose a treatment, a clinic and a day, and we confirm the time with you.',
    lead: 'Choose a treatment, a clinic and a day: we usually confirm the time within a working day.',
    fees: 'What a first visit costs',
    talk: 'Prefer to talk?',
    talkLead: 'Call or message the clinic you would like to visit.',
    whatsappMessage: 'Hello, I would like to request an appointment.',
    notice: {
      heading: 'How we use what you send',
      summary: {
        collect:
          "your choices above, the patient's name and date of birth, a mobile number, and email and note if given (a parent's contact for a patient under 18).",
        purpose: 'to arrange your visit; WhatsApp updates and email news only if you tick them.',
        withdraw: [
          'one button on "your choices", which every email of ours links, or our ',
          { href: '/privacy-rights/', text: 'privacy rights page' },
          '.',
        ] as Rich,
      },
      collect: [
        'the treatment, the clinic, and your preferred day and time;',
        "the patient's name and date of birth, and a mobile number and (optionally) an email address: the patient's, or for a patient under 18 their parent or guardian's;",
        'your optional note on what you would like help with;',
        "for a patient under 18: the parent or guardian's name, relationship and consent, and the patient's own mobile number if you give it (for our front desk only);",
        'if you allowed marketing cookies on our site: which ad or link brought you here (never for a patient under 18).',
      ],
      purpose: [
        "to arrange your appointment: the request goes to our front desk and our CRM, and your note goes only to the front desk. For a patient under 18, our contact in the CRM is the parent or guardian, and the patient's name and age are kept only on the request's own record;",
        'to send appointment updates on WhatsApp, and clinic news and offers by email, only if you tick those boxes (never news to a patient under 18);',
        'to see which campaigns bring enquiries, only if you allowed marketing cookies.',
      ],
      minorLabel: 'A patient under 18',
      guardianCheck: guardianConsentCheck,
      keptLabel: 'How long we keep it',
      kept: (months: number) => `if you do not become a patient, we delete your request after ${months} months.`,
      withdraw: [
        'open "your choices" from the link in any email we send you and press one button (no login needed), use the unsubscribe link in our emails (or your mail app\'s unsubscribe button), or use our ',
        { href: '/privacy-rights/', text: 'privacy rights page' },
        ' to stop marketing and WhatsApp updates (give your mobile number), or to see, correct or delete your information.',
      ] as Rich,
      policy: 'how we handle appointment requests',
    },
    thankYou: {
      title: 'Booking request received',
      description:
        'Your booking request reached Kalpa Clinics. The front desk will confirm your appointment time by phone or WhatsApp.',
      heading: 'Thank you, we have your request',
      reference: 'Your reference number is ',
      referenceAfter: '. Please keep it if you call us.',
      askedFor: 'What you asked for',
      treatment: 'Treatment',
      clinic: 'Clinic',
      day: 'Preferred day',
      time: 'Time of day',
      next: 'What happens next',
      steps: [
        "The front desk reads your request and checks the doctor's diary.",
        'We call or WhatsApp you, usually within one working day, to agree an exact time.',
        'If you gave an email address, you will also get a confirmation email.',
        "For a patient under 18, we first verify the parent or guardian's consent: through the link we email them, or on our call.",
      ],
      hurry: 'Need to change something or in a hurry? Call ',
      emergency: '. In a medical emergency, call 112.',
    },
    guardianConsent: {
      description: "Confirm a parent or guardian's consent to an appointment request at Kalpa Clinics.",
      headings: {
        ready: 'Confirm your consent',
        verified: 'Thank you: your consent is recorded',
        'already-verified': 'Your consent is already recorded',
        'not-found': 'We could not find this request',
        expired: 'This link has expired',
        invalid: 'This link does not work',
      },
      namesYou: `An appointment request at ${clinic.brand} names you as the parent or guardian of its patient:`,
      reference: 'Reference',
      patient: 'Patient',
      treatment: 'Treatment',
      clinic: 'Clinic',
      preferredDate: 'Preferred date',
      button: 'Confirm my consent',
      statement: guardianConsentStatement,
      notAgreed:
        'If you do not agree, or did not ask for this, you need not do anything: a request whose consent is not confirmed is deleted. To tell us, call ',
      period: '.',
      verified: 'Our front desk will call you, usually within one working day, to agree a time for the appointment.',
      expired: (days: number) =>
        `A request whose parent or guardian's consent is not confirmed within ${days} days is deleted, so there is nothing left to confirm. You are welcome to `,
      bookAgain: 'request an appointment again',
      orCall: ', or call us on ',
      invalid: 'The link may have been cut short. Copy the whole link from the email into your browser, or call us on ',
      invalidAfter: ' and we will confirm your consent on the call.',
    },
  },
  preferences: {
    title: 'Your choices',
    description:
      'See and change what Kalpa Clinics sends you: clinic news by email and appointment updates on WhatsApp.',
    headings: {
      ready: 'What we send you',
      invalid: 'This link does not work',
      gone: 'We no longer hold these details',
    },
    lead: 'These are your choices as our records hold them now, for the email address this link was sent to and the mobile number on the same request. Each button takes effect at once; you can change your mind again at any time.',
    forMinor:
      'This link came with a request for a patient under 18, so these are your own choices as their parent or guardian.',
    on: 'On',
    off: 'Off',
    since: (date: string) => `Since ${date}.`,
    emailNews: {
      name: 'Clinic news by email',
      on: 'We may email you clinic news and offers.',
      off: 'We do not email you clinic news or offers.',
      turnOff: 'Stop clinic news',
      turnOn: 'Start clinic news again',
      turnOnFirst: 'Start clinic news',
      notForMinor: [
        'Clinic news never starts from a request for a patient under 18. To get it yourself, ',
        { href: '/newsletter/', text: 'sign up for our newsletter' },
        '.',
      ] as Rich,
    },
    whatsappUpdates: {
      name: 'Appointment updates on WhatsApp',
      on: (ending: string) =>
        `We may send updates about your appointment requests on WhatsApp to your mobile number ending ${ending}.`,
      off: (ending: string) => `We do not send appointment updates on WhatsApp to your mobile number ending ${ending}.`,
      turnOff: 'Stop WhatsApp updates',
      turnOn: 'Start WhatsApp updates again',
      turnOnFirst: 'Start WhatsApp updates',
      noMobile: 'We have no mobile number from this request, so we send you nothing on WhatsApp.',
    },
    done: {
      emailNews: { on: 'Done: clinic news by email is on.', off: 'Done: clinic news by email is off.' },
      whatsappUpdates: {
        on: 'Done: appointment updates on WhatsApp are on.',
        off: 'Done: appointment updates on WhatsApp are off.',
      },
      crm: 'Our contact system is being updated now.',
    },
    calls:
      'Stopping these does not stop our front desk calling or messaging you about an appointment you have asked for.',
    otherRights: [
      'To see, correct or delete your information, or to complain, use our ',
      { href: '/privacy-rights/', text: 'privacy rights page' },
      '.',
    ] as Rich,
    invalid: [
      'The link may have been cut short or changed, so we have changed nothing. Open it again from the email, copying the whole link, or use our ',
      { href: '/privacy-rights/', text: 'privacy rights page' },
      '.',
    ] as Rich,
    gone: (months: number) =>
      `This link belonged to a request we have since deleted, as we do ${months} months after a request if you did not become a patient, or sooner when you ask us to. So we hold no choices for it, and nothing was changed. A newer email from us has a link of its own; you can also use our `,
    goneLink: { href: '/privacy-rights/', text: 'privacy rights page' },
    goneAfter: '.',
  },
  newsletter: {
    title: 'Newsletter sign-up',
    crumb: 'Newsletter',
    description:
      'Sign up for the Kalpa Clinics newsletter: skin, hair and dental care tips, new treatments and offers, once or twice a month. Unsubscribe any time.',
    heading: 'Sign up for our newsletter',
    lead: 'Care tips from our dentists and dermatologists, news of treatments, and the occasional offer: once or twice a month, by email.',
    notice: {
      heading: 'Before you sign up',
      summary: {
        collect: 'your email address, and your year of birth to check that you are an adult (we do not keep your age).',
        purpose: 'to send you our newsletter, once you confirm by the link we email you, and nothing else.',
        withdraw:
          'one click: your mail app\'s unsubscribe button, the link in every newsletter, or "your choices", which our emails link.',
      },
      collect:
        'your email address, and your year of birth (or full date of birth, if you turn 18 this year) to check that you are an adult. We keep your email address and when you agreed and confirmed; we do not keep your age.',
      purpose:
        'to send you our newsletter, and nothing else. It is for adults only: if you are under 18 we cannot sign you up, and we switch tracking off in this browser.',
      confirmingLabel: 'Confirming',
      confirming: (days: number) =>
        `we email you a link first, which works for ${days} days. Until you follow it, you are not subscribed; if you never do, we delete the sign-up.`,
      leavingLabel: 'Leaving',
      leaving: [
        'it takes one click. Your mail app\'s own unsubscribe button works on our newsletter emails, from the confirmation email on, and each newsletter also has an unsubscribe link; the confirmation email also links "your choices", where one button stops clinic news. You can also ask us to stop marketing on our ',
        { href: '/privacy-rights/', text: 'privacy rights page' },
        '.',
      ] as Rich,
      policy: 'how we handle newsletter sign-ups',
    },
    thankYou: {
      title: 'Check your email',
      description: 'One more step: confirm your newsletter subscription with the link we emailed you.',
      heading: 'One more step: check your email',
      lead: 'We have sent you an email with a link. Follow it to confirm your subscription; until you do, you are not subscribed.',
      reference: 'Your sign-up reference is ',
      referenceAfter: '.',
      points: (days: number) => [
        `The link works for ${days} days. After that we delete the sign-up, and you are welcome to sign up again.`,
        'No email after a few minutes? Look in your spam or promotions folder.',
        'If you were already subscribed, there is nothing more to do: we do not send a second confirmation.',
      ],
    },
    confirm: {
      description: 'Confirm your subscription to the Kalpa Clinics newsletter.',
      headings: {
        ready: 'Confirm your subscription',
        confirmed: 'You are subscribed',
        'already-confirmed': 'You are already subscribed',
        unsubscribed: 'This address has unsubscribed',
        'not-found': 'We could not find this sign-up',
        expired: 'This link has expired',
        invalid: 'This link does not work',
      },
      button: 'Confirm my subscription',
      ready: 'Press the button to start receiving our newsletter at this address.',
      confirmed: 'Thank you. Our newsletter will reach you once or twice a month. Every issue has an unsubscribe link.',
      unsubscribed: 'You unsubscribed after signing up, so we have not subscribed you again. You can ',
      expired: 'Sign-ups that are not confirmed within a week are deleted. You are welcome to ',
      invalid: 'The link may have been cut short. Copy the whole link from the email into your browser, or ',
      signUpAgain: 'sign up again',
      signUpAgainAfter: ' at any time.',
      period: '.',
    },
    unsubscribe: {
      description: 'Unsubscribe from the Kalpa Clinics newsletter.',
      headings: {
        ready: 'Unsubscribe from our newsletter',
        withdrawn: 'You are unsubscribed',
        'already-withdrawn': 'You are unsubscribed',
        'not-found': 'You are unsubscribed',
        invalid: 'This link does not work',
      },
      button: 'Unsubscribe',
      ready: 'Press the button and we will stop sending you our newsletter.',
      done: [
        'We will not send you our newsletter again. Appointment messages you asked for are not affected. Changed your mind? You can ',
        { href: '/newsletter/', text: 'sign up again' },
        '.',
      ] as Rich,
      invalid: [
        'The link may have been cut short. Copy the whole link from the email into your browser, or email us at the address on our ',
        { href: '/contact/', text: 'contact page' },
        ' and we will unsubscribe you.',
      ] as Rich,
    },
  },
  rights: {
    title: 'Your privacy rights',
    description:
      'Ask Kalpa Clinics to show, correct or delete your information, stop marketing to you, or look into a complaint.',
    lead: 'You can ask us to show you the information we hold about you, correct it, delete it, stop using it for marketing, or look into a complaint. A parent or guardian makes these requests for a child.',
    notice: {
      heading: 'How we handle your request',
      summary: {
        collect: 'what you ask us to do, your name, your email and/or mobile, and whose information it is.',
        purpose: (hours: number, days: number) =>
          `to confirm it is you and act on your request: we contact you within ${hours} hours and resolve it within ${days} days.`,
        withdraw: 'reply to our acknowledgement email, or write to our Grievance Officer.',
      },
      collect:
        'what you would like us to do, your name, your email address and/or mobile number, whose information it is (and their name, if it is not yours), and anything you write in the details box.',
      purpose: (months: number) =>
        `to find your records, confirm it is you, act on your request, and show later how we handled it. The request goes to our privacy team as a ticket in our CRM, and we email you an acknowledgement if you give an email address. We keep it for ${months} months, or until we erase your information at your request.`,
      timelinesLabel: 'Timelines',
      timelines: (hours: number, days: number) =>
        `we contact you within ${hours} hours and resolve your request within ${days} days.`,
      identityLabel: 'Checking it is you',
      identity:
        'before we show, change or delete anything, our privacy team confirms your identity, usually by calling the mobile number we have on file. Nothing is deleted automatically.',
      stopMarketingLabel: 'Stopping marketing',
      stopMarketing:
        "takes effect on our website at once for the email address and mobile number you give: the email's newsletter subscription ends, marketing emails not yet sent are cancelled, and our CRM is told to withdraw your consent to marketing email, and for the mobile number to WhatsApp updates too.",
      withdrawLabel: 'Changing your mind',
      withdraw: 'to withdraw a request, reply to our acknowledgement email or write to our Grievance Officer.',
      policy: 'how we handle privacy requests',
    },
    thankYou: {
      title: 'Privacy request received',
      description: 'Your privacy request reached Kalpa Clinics. Our privacy team will contact you.',
      heading: 'We have your request',
      reference: 'Your reference number is ',
      referenceAfter: '. Please quote it if you contact us.',
      steps: (hours: number, days: number) => [
        `Our privacy team contacts you within ${hours} hours to confirm your identity.`,
        `We resolve your request within ${days} days and tell you what we did.`,
        'If you gave an email address, you will also get an email confirming we received your request.',
      ],
      questions: (name: string) => `Questions? Write to ${name} at `,
      questionsAfter: '.',
    },
  },
};

export type UiText = typeof englishUi;
