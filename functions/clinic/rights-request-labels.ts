/**
 * The data-rights form's choices in each of the site's languages, apart from clinic-labels.ts so that only the
 * pages and emails about rights requests carry them. English comes from the configuration (form-choices.ts).
 */
import { mapValues } from './clinic-labels.ts';
import { type RequesterRole, type RightsRequestType, requesterRoles, rightsRequestTypes } from './form-choices.ts';
import type { Locale } from './locales.ts';

export interface RightsRequestLabels {
  rightsRequestTypes: Record<RightsRequestType, string>;
  requesterRoles: Record<RequesterRole, string>;
}

export const rightsRequestLabels: Readonly<Record<Locale, RightsRequestLabels>> = {
  en: { rightsRequestTypes: mapValues(rightsRequestTypes, ({ label }) => label), requesterRoles },
  hi: {
    rightsRequestTypes: {
      access: 'मेरे बारे में आपके पास जो जानकारी है, वह मुझे दिखाएं',
      correction: 'मेरी जानकारी ठीक करें या पूरी करें',
      erasure: 'मेरी जानकारी मिटा दें',
      'stop-marketing': 'मुझे मार्केटिंग संदेश भेजना बंद करें और मेरी सहमति वापस लें',
      restriction: 'मेरी जानकारी के इस्तेमाल को सीमित करें',
      portability: 'मेरी जानकारी की कॉपी दें, ताकि मैं उसे कहीं और ले जा सकूं',
      nomination: 'मेरी ओर से काम करने के लिए किसी को नामित करना है',
      grievance: 'मेरी जानकारी के साथ हुए बर्ताव की शिकायत करनी है',
    },
    requesterRoles: {
      self: 'मेरी अपनी जानकारी',
      'parent-or-guardian': 'मेरे बच्चे की, या जिसका मैं क़ानूनी अभिभावक हूं उसकी',
      'authorised-person': 'किसी और की, जिसने मुझे अधिकार दिया है (नॉमिनी के रूप में, या उनकी लिखित अनुमति से)',
    },
  },
};
