import type { ConsentLanguage } from '#functions/clinic/consent.ts';

/**
 * The whole of the preferences once a form has shown the visitor is under 18: why tracking stays off, for them and
 * for a parent's browser. Loaded only in such a browser, so other pages do not download it.
 */
export const minorExplanation: Record<ConsentLanguage, string> = {
  en: 'Analytics and marketing are off in this browser, and they stay off. A form on this site showed that someone using it is under 18, and the law does not allow tracking children (Digital Personal Data Protection Act 2023, section 9). If you are a parent who booked for your child on this phone or computer, this applies to your browser too: we cannot tell who is using it, so we keep tracking off rather than risk tracking your child. Nothing else changes, and every page works as before.',
  hi: 'इस ब्राउज़र में एनालिटिक्स और मार्केटिंग बंद हैं, और बंद ही रहेंगे। इस साइट के एक फ़ॉर्म से पता चला कि इसका उपयोग करने वाला कोई व्यक्ति 18 वर्ष से कम उम्र का है, और क़ानून बच्चों की ट्रैकिंग की अनुमति नहीं देता (डिजिटल व्यक्तिगत डेटा संरक्षण अधिनियम 2023, धारा 9)। अगर आप माता-पिता हैं और आपने इसी फ़ोन या कंप्यूटर से अपने बच्चे की बुकिंग की है, तो यह आपके ब्राउज़र पर भी लागू होता है: हम नहीं जान सकते कि इसे कौन उपयोग कर रहा है, इसलिए आपके बच्चे की ट्रैकिंग का जोखिम लेने के बजाय हम ट्रैकिंग बंद रखते हैं। इसके अलावा कुछ नहीं बदलता, और हर पेज पहले की तरह काम करता है।',
};
