import type { BannerCopy } from './copy.ts';

/** Loaded only when a page is in Hindi, so English pages do not download it. */
export const hindiCopy: BannerCopy = {
  title: 'कुकीज़ के बारे में आपकी पसंद',
  description:
    'हम एनालिटिक्स से जानना चाहते हैं कि कौन-से पेज मरीज़ों के काम आते हैं, और विज्ञापन मापन से कि हमारे विज्ञापन काम करते हैं या नहीं। आपकी सहमति के बिना कुछ भी लोड नहीं होता, और बुकिंग पेजों पर कभी नहीं।',
  privacySignalNote:
    'आपके ब्राउज़र ने प्राइवेसी संकेत (Global Privacy Control या Do Not Track) भेजा है, इसलिए मार्केटिंग तब तक बंद रहेगी जब तक आप इसे ख़ुद चालू न करें।',
  minorNote: 'इस ब्राउज़र में एनालिटिक्स और मार्केटिंग बंद हैं, क्योंकि एक फ़ॉर्म से पता चला कि उपयोगकर्ता 18 वर्ष से कम उम्र का है।',
  acceptAll: 'सभी स्वीकार करें',
  rejectAll: 'सभी अस्वीकार करें',
  managePreferences: 'पसंद चुनें',
  savePreferences: 'मेरी पसंद सहेजें',
  preferencesTitle: 'कुकी सेटिंग्स',
  close: 'बंद करें',
  closeAndReject: 'बंद करें और वैकल्पिक कुकीज़ अस्वीकार करें',
  serviceCounter: 'सेवा|सेवाएँ',
  intro:
    'चुनें कि यह साइट क्या उपयोग कर सकती है। हर पेज के नीचे "Cookie settings" लिंक से आप कभी भी अपनी पसंद बदल सकते हैं; कोई श्रेणी बंद करते ही उसकी कुकीज़ तुरंत हटा दी जाती हैं।',
  cookiesLabel: 'कुकीज़',
  policyLinks: '<a href="/cookie-policy/">कुकी नीति</a> · <a href="/privacy-policy/">गोपनीयता नीति</a>',
  categories: {
    necessary: {
      title: 'अत्यंत आवश्यक',
      description: 'आपकी कुकी पसंद याद रखती है। हमेशा चालू; इसमें कोई व्यक्तिगत जानकारी नहीं होती।',
    },
    analytics: {
      title: 'एनालिटिक्स',
      description: 'विज़िट गिनती है और उलझाने वाले पेज ढूँढती है। फ़ॉर्म की जानकारी कभी रिकॉर्ड नहीं होती।',
    },
    marketing: {
      title: 'मार्केटिंग',
      description: 'मापती है कि दूसरी साइटों पर हमारे विज्ञापन लोगों को यहाँ लाते हैं या नहीं।',
    },
  },
  servicePurposes: {
    ga4: 'विज़िट और देखे गए पेज गिनता है।',
    clarity: 'क्लिक और स्क्रॉल रिकॉर्ड करता है; हर फ़ॉर्म फ़ील्ड छिपा रहता है।',
    meta: 'मापता है कि हमारे Facebook और Instagram विज्ञापन लोगों को साइट पर लाते हैं या नहीं।',
  },
};
