/**
 * The service providers (Data Processors) that handle personal information for the clinic. The privacy policy's
 * "Service providers we use" table is rendered from this list (the `{{table.processors}}` block in
 * content/legal/privacy-policy.md), so the policy names exactly these.
 *
 * Each outbox job kind names the provider it goes to (functions/outbox/jobs.ts, by `ProcessorId`), and
 * tests/unit/policy-drift.test.ts holds those equal to the deliveries the code creates, so a new delivery cannot
 * reach a provider the policy does not name.
 *
 * `location` values are the demo identity's: set them to where your accounts actually keep data.
 */

export interface Processor {
  id: string;
  /** How the policy names the provider. */
  name: string;
  /** What they do for us. */
  purpose: string;
  /** What they receive, as the code sends it. */
  receives: string;
  /** Where they keep it. */
  location: string;
  /** The same four, as the Hindi privacy policy says them. */
  hi: ProcessorWords;
}

export type ProcessorWords = Pick<Processor, 'name' | 'purpose' | 'receives' | 'location'>;

export const processors = [
  {
    id: 'hosting',
    name: 'Cloud hosting provider',
    purpose: 'Runs the website, its server and its database.',
    receives:
      'Everything sent through our forms, and server logs (IP address, browser type, page requested and time), encrypted in transit and at rest.',
    location: 'India',
    hi: {
      name: 'क्लाउड होस्टिंग सेवा',
      purpose: 'वेबसाइट, उसका सर्वर और उसका डेटाबेस चलाती है।',
      receives:
        'हमारे फ़ॉर्म से भेजी गई हर जानकारी, और सर्वर लॉग (IP एड्रेस, ब्राउज़र का प्रकार, मांगा गया पेज और समय), भेजते समय और सहेजते समय, दोनों वक़्त एन्क्रिप्टेड।',
      location: 'भारत',
    },
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    purpose: 'Our CRM, where the team follows up appointment requests, newsletter subscriptions and privacy requests.',
    receives:
      "Appointment requests: as our contact, the name, mobile number and email address (if given) of the patient, or of a patient under 18's parent or guardian, with their WhatsApp choice and, for adults, their clinic-news choice and, if they allowed marketing cookies, which campaign brought them; on the request's own record, the treatment, clinic, preferred day and time, the patient's name and whether they are under 18 (then the parent or guardian's name and relationship, and whether, how and when their consent was verified). Newsletter: your email address, when you agreed and confirmed, and when you left. Privacy requests: everything you wrote in the request. Never a date of birth, a patient under 18's own mobile number, or the note on what you would like help with.",
    location: 'Outside India (HubSpot data centres in the United States or the European Union)',
    hi: {
      name: 'HubSpot',
      purpose: 'हमारा CRM, जिसमें टीम अपॉइंटमेंट के अनुरोधों, न्यूज़लेटर सदस्यताओं और गोपनीयता से जुड़े अनुरोधों पर आगे का काम करती है।',
      receives:
        'अपॉइंटमेंट के अनुरोध: हमारे संपर्क के रूप में मरीज़ का, या 18 साल से कम उम्र के मरीज़ के माता-पिता या अभिभावक का नाम, मोबाइल नंबर और ईमेल एड्रेस (अगर दिया हो), साथ में उनकी WhatsApp वाली पसंद, वयस्कों के लिए क्लिनिक की ख़बरों वाली पसंद, और अगर उन्होंने मार्केटिंग कुकीज़ की अनुमति दी हो, तो कौन-सा कैंपेन उन्हें लाया; अनुरोध के अपने रिकॉर्ड में इलाज, क्लिनिक, पसंद का दिन और समय, मरीज़ का नाम और यह कि क्या मरीज़ 18 साल से कम का है (तब माता-पिता या अभिभावक का नाम और रिश्ता, और यह कि उनकी सहमति की पुष्टि हुई या नहीं, कैसे और कब)। न्यूज़लेटर: आपका ईमेल एड्रेस, आपने कब सहमति दी और कब पुष्टि की, और कब सदस्यता छोड़ी। गोपनीयता से जुड़े अनुरोध: अनुरोध में आपने जो कुछ लिखा। जन्म की तारीख़, 18 साल से कम उम्र के मरीज़ का अपना मोबाइल नंबर, या आप किस बारे में मदद चाहते हैं वाला नोट कभी नहीं।',
      location: 'भारत के बाहर (अमेरिका या यूरोपीय संघ में HubSpot के डेटा सेंटर)',
    },
  },
  {
    id: 'resend',
    name: 'Resend',
    purpose: 'Sends the emails our website sends.',
    receives:
      'Each email it sends and the address it goes to. To our front desk: your full appointment request, including the date of birth and the note. To you: the confirmation of your appointment request (your name and the appointment details), or, for a patient under 18, to their parent or guardian the link to confirm their consent (both names and the appointment details); the newsletter confirmation link; or the acknowledgement of your privacy request (your name and the request type).',
    location: 'Outside India (United States)',
    hi: {
      name: 'Resend',
      purpose: 'हमारी वेबसाइट के ईमेल भेजती है।',
      receives:
        'हर भेजा गया ईमेल और वह पता जिस पर वह जाता है। हमारे फ़्रंट डेस्क को: आपका पूरा अपॉइंटमेंट अनुरोध, जन्म की तारीख़ और नोट समेत। आपको: आपके अपॉइंटमेंट अनुरोध की पुष्टि (आपका नाम और अपॉइंटमेंट का ब्योरा), या 18 साल से कम उम्र के मरीज़ के लिए उनके माता-पिता या अभिभावक को सहमति की पुष्टि का लिंक (दोनों के नाम और अपॉइंटमेंट का ब्योरा); न्यूज़लेटर की पुष्टि का लिंक; या आपके गोपनीयता अनुरोध की पावती (आपका नाम और अनुरोध का प्रकार)।',
      location: 'भारत के बाहर (अमेरिका)',
    },
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp Business API partner',
    purpose: 'Sends and receives our WhatsApp messages.',
    receives: 'Your phone number and the messages only.',
    location: "Outside India (WhatsApp's servers, through our partner)",
    hi: {
      name: 'WhatsApp Business API पार्टनर',
      purpose: 'हमारे WhatsApp संदेश भेजता और पाता है।',
      receives: 'सिर्फ़ आपका फ़ोन नंबर और संदेश।',
      location: 'भारत के बाहर (हमारे पार्टनर के ज़रिए WhatsApp के सर्वर)',
    },
  },
  {
    id: 'payments',
    name: 'Payment processors (PCI-DSS certified)',
    purpose: 'Take card and other payments at the clinic. The website takes no payments.',
    receives: 'Payment details, which they replace with tokens. We never store full card numbers or CVV.',
    location: 'India, as Reserve Bank of India rules require for payment data',
    hi: {
      name: 'पेमेंट प्रोसेसर (PCI-DSS प्रमाणित)',
      purpose: 'क्लिनिक में कार्ड और दूसरे तरीक़ों से भुगतान लेते हैं। वेबसाइट कोई भुगतान नहीं लेती।',
      receives: 'भुगतान का ब्योरा, जिसे वे टोकन से बदल देते हैं। हम पूरा कार्ड नंबर या CVV कभी नहीं सहेजते।',
      location: 'भारत, जैसा कि भुगतान के डेटा के लिए भारतीय रिज़र्व बैंक के नियम कहते हैं',
    },
  },
] as const satisfies readonly Processor[];

export type ProcessorId = (typeof processors)[number]['id'];
