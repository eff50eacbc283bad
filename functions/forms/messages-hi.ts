/** The forms' words in Hindi: the same keys as messages-en.ts (the compiler and a unit test hold them to it). */
import type { Weekday } from '#functions/clinic/clinic.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';
import type { FormMessages } from './messages-en.ts';

const list = (type: 'conjunction' | 'disjunction', words: readonly string[]) =>
  new Intl.ListFormat('hi-IN', { type }).format(words);
const days: Record<Weekday, string> = {
  monday: 'सोमवार',
  tuesday: 'मंगलवार',
  wednesday: 'बुधवार',
  thursday: 'गुरुवार',
  friday: 'शुक्रवार',
  saturday: 'शनिवार',
  sunday: 'रविवार',
};
const partsOfDay: Record<TimeWindowId, string> = { morning: 'सुबह', afternoon: 'दोपहर', evening: 'शाम' };
const inParts = (open: readonly TimeWindowId[]) => open.map((id) => partsOfDay[id]);

export const hindiFormMessages: FormMessages = {
  locale: 'hi',
  fields: {
    submissionOutdated: 'यह फ़ॉर्म पुराना हो गया है। पेज को दोबारा लोड करके फिर से कोशिश करें।',
    nameTooShort: 'कम से कम 2 अक्षर लिखें।',
    nameTooLong: 'ज़्यादा से ज़्यादा 100 अक्षर लिखें।',
    nameCharacters: "सिर्फ़ अक्षर, स्पेस और . ' - लिखें।",
    emailTooLong: 'ईमेल पते में ज़्यादा से ज़्यादा 254 अक्षर होते हैं।',
    emailInvalid: 'सही ईमेल पता लिखें, जैसे name@example.com',
    dateInvalid: 'सही तारीख़ लिखें, इस तरह: YYYY-MM-DD (साल-महीना-दिन)।',
    dateOfBirthMissing: 'अपनी जन्म तारीख़ लिखें।',
    dateOfBirthFuture: 'जन्म तारीख़ आने वाले समय की नहीं हो सकती।',
    bornTooLongAgo: (maxAgeYears) => `साल दोबारा देखें: यह ${maxAgeYears} साल से भी ज़्यादा पहले का है।`,
    textTooLong: (maxLength) => `ज़्यादा से ज़्यादा ${maxLength} अक्षर लिखें।`,
  },
  mobile: {
    characters: 'सिर्फ़ अंक लिखें (चाहें तो बीच में स्पेस या डैश), और देश के कोड से पहले + लगाएं।',
    tooShort: 'यह नंबर छोटा है। अंक दोबारा देखें।',
    tooLong: 'यह नंबर लंबा है। अंक दोबारा देखें।',
    invalidCountry: '+ के बाद लिखा देश का कोड दोबारा देखें।',
    notMobile: 'यह सही मोबाइल नंबर नहीं है। अंक दोबारा देखें; भारत के बाहर का नंबर + और देश के कोड से शुरू होता है।',
  },
  submission: {
    rateLimited: (retryAfterSeconds) =>
      `इस कनेक्शन से बहुत ज़्यादा अनुरोध आए हैं। कृपया ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} मिनट रुकें, या हमें फ़ोन करें।`,
    serverError: 'हमारी तरफ़ से कुछ गड़बड़ हो गई। कृपया दोबारा भेजें, या हमें फ़ोन करें।',
    unreachable:
      'क्लिनिक की वेबसाइट से संपर्क नहीं हो पाया। अपना इंटरनेट कनेक्शन देखें और दोबारा भेजें: दो बार भेजने पर भी अनुरोध एक ही बार दर्ज होता है।',
    unreadable: 'आपके ब्राउज़र से भेजी गई जानकारी हम पढ़ नहीं पाए। कृपया फ़ॉर्म दोबारा भेजें, या हमें फ़ोन करें।',
  },
  chrome: {
    optional: ' (ज़रूरी नहीं)',
    errorPrefix: 'गलती: ',
    summaryTitle: (count) => (count === 1 ? 'आपके अनुरोध में एक समस्या है' : `आपके अनुरोध में ${count} समस्याएं हैं`),
    honeypot: 'इस फ़ील्ड को ख़ाली छोड़ दें',
  },
  newsletter: {
    emailMissing: 'अपना ईमेल पता लिखें।',
    birthYearMissing: (exampleYear) => `अपने जन्म का साल लिखें, जैसे ${exampleYear}`,
    birthYearFuture: 'जन्म का साल आने वाले समय का नहीं हो सकता।',
    consentMissing: 'न्यूज़लेटर पाने के लिए सहमति वाले बॉक्स पर टिक करें।',
    minor:
      'हम 18 साल से कम उम्र के किसी व्यक्ति को न्यूज़लेटर के लिए साइन अप नहीं कर सकते। माता-पिता या अभिभावक अपने ईमेल से सदस्यता ले सकते हैं।',
    fullDateNeeded: 'अगर आप इसी साल 18 के होने वाले हैं, तो यह जांचने के लिए कि आप 18 के हो चुके हैं, हमें आपकी पूरी जन्म तारीख़ चाहिए।',
    labels: {
      email: 'ईमेल',
      birthYear: 'जन्म का साल',
      birthYearHint: 'हमारा न्यूज़लेटर वयस्कों के लिए है: हम आपकी उम्र जांचते हैं, उसे रखते नहीं।',
      dateOfBirth: 'जन्म तारीख़',
      dateOfBirthHintTurning18: 'आप इसी साल 18 के हो रहे हैं, इसलिए यह जांचने के लिए कि आप 18 के हो चुके हैं, हमें पूरी तारीख़ चाहिए।',
      dateOfBirthHint: 'सिर्फ़ तब, जब आप इसी साल 18 के हो रहे हों।',
      consent: 'मुझे क्लिनिक का न्यूज़लेटर ईमेल पर भेजें: देखभाल की सलाह, नए इलाज और ऑफ़र। सदस्यता कभी भी छोड़ी जा सकती है।',
      submit: 'साइन अप करें',
      submitting: 'साइन अप हो रहा है…',
    },
  },
  booking: {
    treatmentMissing: 'इलाज चुनें।',
    branchMissing: 'क्लिनिक चुनें।',
    preferredDateMissing: 'अपनी पसंद की तारीख़ चुनें।',
    preferredDatePast: 'आज की या उसके बाद की तारीख़ चुनें।',
    preferredDateTooFar: (maxDaysAhead) => `अगले ${maxDaysAhead} दिनों के भीतर की तारीख़ चुनें।`,
    timeWindowMissing: 'सुबह, दोपहर या शाम चुनें।',
    fullNameMissing: 'अपना पूरा नाम लिखें।',
    mobileMissing: 'अपना मोबाइल नंबर लिखें।',
    guardianMobileMissing: 'माता-पिता या अभिभावक का मोबाइल नंबर लिखें।',
    emailMissing: 'अपना ईमेल पता लिखें।',
    privacyNoticeMissing: 'कृपया पुष्टि करें कि आपने गोपनीयता सूचना पढ़ ली है।',
    emailForNews: 'ईमेल पर हमारी ख़बरें पाने के लिए अपना ईमेल पता लिखें, या उस बॉक्स से टिक हटा दें।',
    patientMobileInvalid: 'मरीज़ का मोबाइल नंबर लिखें, या इसे ख़ाली छोड़ दें।',
    guardianNameMissing: 'माता-पिता या अभिभावक का पूरा नाम लिखें।',
    guardianRelationshipMissing: 'माता-पिता या क़ानूनी अभिभावक में से चुनें।',
    guardianConsentMissing: '18 साल से कम उम्र के मरीज़ का अनुरोध लेने से पहले माता-पिता या अभिभावक की सहमति ज़रूरी है।',
    guardianDetailsMissing: 'माता-पिता या अभिभावक की जानकारी लिखें।',
    branchLacksSpecialty: (branch, specialty) =>
      `हमारे ${branch} क्लिनिक में ${specialty} की सुविधा नहीं है। कोई दूसरा क्लिनिक चुनें।`,
    branchClosed: (branch, day) => `हमारा ${branch} क्लिनिक ${days[day]} को बंद रहता है। कोई दूसरा दिन चुनें।`,
    branchOpenOnly: (branch, day, open) =>
      `${days[day]} को हमारा ${branch} क्लिनिक सिर्फ़ ${list('conjunction', inParts(open))} में खुला रहता है। ${list('disjunction', inParts(open))} चुनें।`,
    labels: {
      appointment: 'आपका अपॉइंटमेंट',
      treatment: 'इलाज',
      chooseTreatment: 'इलाज चुनें',
      branch: 'क्लिनिक',
      branchHintFor: (specialty) => `वे क्लिनिक जहां ${specialty} की सुविधा है।`,
      branchHint: (offers) => `हर क्लिनिक में हर सुविधा नहीं है। ${offers}।`,
      chooseBranch: 'क्लिनिक चुनें',
      preferredDate: 'पसंद की तारीख़',
      preferredDateHint: (maxDaysAhead, openDays) =>
        `${maxDaysAhead} दिनों के भीतर, किसी ऐसे दिन जब क्लिनिक खुला हो${openDays ? ` (${openDays})` : ''}। सही समय हम आपसे बात करके तय करते हैं।`,
      timeWindow: 'दिन का पसंदीदा समय',
      patient: 'मरीज़, और आपसे संपर्क कैसे करें',
      fullName: 'पूरा नाम',
      mobile: 'मोबाइल नंबर',
      guardianMobile: 'माता-पिता या अभिभावक का मोबाइल नंबर',
      mobileHint:
        'मरीज़ का, या मरीज़ 18 साल से कम का हो तो माता-पिता या अभिभावक का। भारत का मोबाइल नंबर, या + से शुरू होने वाला किसी दूसरे देश का नंबर',
      guardianMobileHint:
        'मरीज़ 18 साल से कम का है, इसलिए हम उनके माता-पिता या अभिभावक को फ़ोन करेंगे। भारत का मोबाइल नंबर, या + से शुरू होने वाला किसी दूसरे देश का नंबर',
      email: 'ईमेल',
      guardianEmail: 'माता-पिता या अभिभावक का ईमेल',
      emailHint:
        'पुष्टि का ईमेल भेजने के लिए। मरीज़ 18 साल से कम का हो, तो माता-पिता या अभिभावक का ईमेल दें: हम उन्हें सहमति की पुष्टि का लिंक भेजेंगे।',
      guardianEmailHint: 'हम उन्हें सहमति की पुष्टि का लिंक ईमेल करेंगे। ईमेल न हो, तो हम फ़ोन पर बात करके पुष्टि कर लेंगे।',
      dateOfBirth: 'जन्म तारीख़',
      dateOfBirthHint: '18 साल से कम उम्र के मरीज़ के लिए माता-पिता या अभिभावक की जानकारी और सहमति ज़रूरी है।',
      helpText: 'आपको किस चीज़ में मदद चाहिए?',
      helpTextHint: (maxLength) => `फ़्रंट डेस्क के लिए कुछ शब्द, ज़्यादा से ज़्यादा ${maxLength} अक्षर; कृपया मेडिकल रिपोर्ट न लिखें।`,
      guardian: 'माता-पिता या अभिभावक',
      guardianWithoutScript: 'माता-पिता या अभिभावक (सिर्फ़ तब, जब मरीज़ 18 साल से कम का हो)',
      guardianIntro:
        'मरीज़ 18 साल से कम का है, इसलिए हमें माता-पिता या क़ानूनी अभिभावक की जानकारी और सहमति चाहिए। ऊपर दिया गया मोबाइल नंबर और ईमेल उन्हीं का है।',
      guardianName: 'माता-पिता या अभिभावक का पूरा नाम',
      relationship: 'मरीज़ से रिश्ता',
      chooseRelationship: 'चुनें',
      relationships: { parent: 'माता या पिता', 'legal-guardian': 'क़ानूनी अभिभावक' },
      patientMobile: 'मरीज़ का अपना मोबाइल नंबर',
      patientMobileHint:
        'सिर्फ़ तब, जब हमारा फ़्रंट डेस्क मरीज़ को भी इस नंबर पर फ़ोन कर सकता है। यह नंबर सिर्फ़ फ़्रंट डेस्क के पास जाता है, हमारे CRM में कभी नहीं।',
      guardianConsent:
        'मैं मरीज़ का माता-पिता या क़ानूनी अभिभावक हूं, और मैं इस अपॉइंटमेंट अनुरोध के लिए और अपॉइंटमेंट तय करने के लिए क्लिनिक द्वारा इस जानकारी के इस्तेमाल के लिए सहमति देता/देती हूं। इसके बाद हम ईमेल से या फ़ोन पर आपसे इसकी पुष्टि करवाएंगे।',
      choices: 'आपकी पसंद',
      privacyNotice: { before: 'मैंने ', link: 'अपॉइंटमेंट अनुरोधों की गोपनीयता सूचना', after: ' पढ़ ली है (ज़रूरी)।' },
      whatsappUpdates: 'मुझे अपॉइंटमेंट की जानकारी WhatsApp पर भेजें (ज़रूरी नहीं)।',
      noNewsForMinors: '18 साल से कम उम्र के मरीज़ों को हम क्लिनिक की ख़बरें या ऑफ़र कभी नहीं भेजते।',
      emailNews: 'मुझे क्लिनिक की ख़बरें और ऑफ़र ईमेल पर भेजें (ज़रूरी नहीं; सदस्यता कभी भी छोड़ सकते हैं)।',
      emailNewsWithoutScript: ' 18 साल से कम उम्र के मरीज़ों को हम मार्केटिंग संदेश कभी नहीं भेजते।',
      submit: 'अपॉइंटमेंट अनुरोध भेजें',
      submitting: 'भेजा जा रहा है…',
    },
  },
  rightsRequest: {
    requestTypeMissing: 'चुनें कि आप हमसे क्या करवाना चाहते हैं।',
    fullNameMissing: 'अपना पूरा नाम लिखें।',
    emailMissing: 'अपना ईमेल पता लिखें।',
    mobileMissing: 'अपना मोबाइल नंबर लिखें।',
    requesterRoleMissing: 'चुनें कि यह किसकी जानकारी के बारे में है।',
    subjectNameMissing: 'उस व्यक्ति का पूरा नाम लिखें।',
    contactMissing: 'ईमेल पता या मोबाइल नंबर लिखें, ताकि हम आपके रिकॉर्ड ढूंढकर जवाब दे सकें।',
    subjectMissing: 'जिस व्यक्ति के बारे में यह अनुरोध है, उसका पूरा नाम लिखें।',
    labels: {
      yourRequest: 'आपका अनुरोध',
      requestType: 'आप हमसे क्या करवाना चाहते हैं?',
      details: 'विवरण',
      detailsHint: (maxLength) =>
        `अनुरोध पर काम करने के लिए हमें क्या जानना चाहिए: सुधार के लिए, क्या गलत है; शिकायत के लिए, क्या हुआ। ज़्यादा से ज़्यादा ${maxLength} अक्षर; कृपया मेडिकल रिपोर्ट न लिखें।`,
      aboutYou: 'आपके बारे में',
      fullName: 'आपका पूरा नाम',
      email: 'ईमेल',
      emailHint: 'ईमेल पता, मोबाइल नंबर, या दोनों दें: जो आपने हमारे साथ इस्तेमाल किए थे, उनसे हमें आपके रिकॉर्ड ढूंढने में मदद मिलती है।',
      mobile: 'मोबाइल नंबर',
      mobileHint: 'भारत का मोबाइल नंबर, या + से शुरू होने वाला किसी दूसरे देश का नंबर',
      requesterRole: 'यह किसकी जानकारी के बारे में है?',
      subjectName: 'उनका पूरा नाम',
      subjectNameHint:
        'हम आपसे इस बात का सबूत मांगेंगे कि आप उनकी ओर से अनुरोध कर सकते हैं, जैसे जन्म प्रमाणपत्र या हस्ताक्षर वाली अनुमति।',
      subjectNameHintWithoutScript: 'सिर्फ़ तब, जब अनुरोध किसी और के बारे में हो। हम सबूत मांगेंगे कि आप उनकी ओर से अनुरोध कर सकते हैं।',
      submit: 'मेरा अनुरोध भेजें',
      submitting: 'भेजा जा रहा है…',
    },
  },
};
