import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import type { BannerCopy } from './copy.ts';

export const hindiCopy: BannerCopy = {
  title: 'कुकीज़ के बारे में आपकी पसंद',
  description:
    'क्या हम विज़िट गिनकर जान सकते हैं कि कौन-से पेज मरीज़ों के काम आते हैं, और माप सकते हैं कि हमारे विज्ञापन काम करते हैं? आपकी सहमति के बिना कुछ भी लोड नहीं होता, और हमारे फ़ॉर्म वाले पेजों पर कभी नहीं।',
  signalDescription:
    'आपके ब्राउज़र ने {signal} भेजा है, इसलिए मार्केटिंग बंद रहेगी, चाहे आप सभी स्वीकार करें। क्या हम विज़िट गिनकर जान सकते हैं कि कौन-से पेज मरीज़ों के काम आते हैं?',
  signalPreferencesNote:
    '<br><br><strong>आपके ब्राउज़र ने {signal} भेजा है, इसलिए "सभी स्वीकार करें" से मार्केटिंग चालू नहीं होती। फिर भी मार्केटिंग की अनुमति देनी हो, तो उसे नीचे चालू करें और अपनी पसंद सहेजें।</strong>',
  acceptAll: 'सभी स्वीकार करें',
  rejectAll: 'सभी अस्वीकार करें',
  managePreferences: 'पसंद चुनें',
  savePreferences: 'मेरी पसंद सहेजें',
  preferencesTitle: 'कुकी सेटिंग्स',
  close: 'बंद करें',
  closeAndReject: 'बंद करें और वैकल्पिक कुकीज़ अस्वीकार करें',
  serviceCounter: 'सेवा|सेवाएँ',
  intro:
    'चुनें कि यह साइट क्या उपयोग कर सकती है। हर पेज के नीचे "कुकी सेटिंग्स" लिंक से आप कभी भी अपनी पसंद बदल सकते हैं; कोई श्रेणी बंद करते ही उसकी कुकीज़ तुरंत हटा दी जाती हैं।',
  cookiesLabel: 'कुकीज़',
  policyLinks:
    '<span class="cc-links"><a href="/hi/cookie-policy/">कुकी नीति</a><a href="/hi/privacy-policy/">गोपनीयता नीति</a><a href="/hi/privacy-rights/">आपके गोपनीयता अधिकार</a></span>',
  complaints: `प्रश्न या शिकायत: हमारे <a href="/hi/privacy-policy/#grievances-and-complaints">शिकायत अधिकारी</a> को लिखें। अगर हम आपकी शिकायत का समाधान न कर पाएँ, तो आप ऑनलाइन <a href="${dataProtectionBoard.website}">${dataProtectionBoard.nameInHindi}</a> में शिकायत कर सकते हैं।`,
  saved: 'आपकी कुकी पसंद सहेज ली गई है।',
  on: 'चालू',
  off: 'बंद',
  savedSignalNote: 'मार्केटिंग बंद रहेगी, क्योंकि आपके ब्राउज़र ने प्राइवेसी संकेत भेजा है।',
  categories: {
    necessary: {
      title: 'अत्यंत आवश्यक',
      description:
        'आपकी कुकी पसंद याद रखती हैं, और अगर आप कोई भाषा चुनें तो वह भी। हमेशा चालू; इनमें कोई व्यक्तिगत जानकारी नहीं होती।',
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
