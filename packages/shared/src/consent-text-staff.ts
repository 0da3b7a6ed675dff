import type { PartnerKind } from './api/clients.js';
import type { ClientLocale } from './client-languages.js';
import { consentTexts, consentTextVersion, type ConsentTextContent } from './consent-text.js';

/**
 * The consent words for a staff member ("medewerker") whose manager records a conversation with
 * them (seed 000 §3.1). The parts that speak of a client manager, benefits or the municipality are
 * written anew; what to record, how long, signing and stopping are the same words as for clients.
 *
 * Its own version, stored beside the client text (consent_texts), so a staff member's consent points
 * at exactly what they read. Changing anything here means a new staffConsentTextVersion. The client
 * parts it takes over count too: staff-2026-12.2 came with the client's 2026-12.2 (policyViewing).
 */
export const staffConsentTextVersion = 'staff-2026-12.2';

type StaffParts = Pick<ConsentTextContent, 'audience' | 'reviewerFrom' | 'watchWithClient' | 'feedbackViaReviewer' | 'professional'> & {
  explain: Pick<ConsentTextContent['explain'], 'why' | 'who' | 'no'>;
};

const staffParts = {
  nl: {
    explain: {
      why: {
        title: 'Waarom een opname?',
        lines: [
          'Uw leidinggevende wil leren van dit gesprek.',
          'Bijvoorbeeld: luister ik goed? Geef ik u ruimte? Ben ik duidelijk?',
          'U kunt er zelf ook iets aan hebben. Als u wilt, kijkt u samen terug.',
          'Niemand beoordeelt u met de opname.',
          'De opname wordt nooit gebruikt voor uw beoordeling of uw dossier.',
        ],
      },
      who: {
        title: 'Wie mag kijken?',
        lines: ['Alleen wie u kiest.', 'Uw leidinggevende kijkt zelf.', 'U mag ook een coach kiezen. Of een groep collega’s die samen leren.', 'Niemand anders. Ook andere leidinggevenden niet.'],
      },
      no: {
        title: 'Nee zeggen mag',
        lines: ['Wilt u geen opname? Dat is goed.', 'Er verandert dan niets voor u.', 'Niet aan uw werk. Niet aan uw beoordeling.', 'Het gesprek gaat gewoon door, zonder opname.'],
      },
    },
    audience: {
      question: 'Wie mag de opname zien?',
      professional: { label: 'Alleen mijn leidinggevende', description: 'Verder niemand.' },
      reviewer: { label: 'Ook een coach', description: 'Een coach helpt uw leidinggevende leren.' },
      reviewerNamed: 'De coach is {{reviewer}}.',
      reviewerOpen: 'Welke coach is nog niet bekend. Het kan iemand van uw eigen organisatie zijn. Of een onafhankelijke coach van buiten.',
      reviewerIndependent: 'Deze coach werkt niet bij uw organisatie, maar bij {{organisation}}. De coach is onafhankelijk.',
      peer_group: { label: 'Ook een groep collega’s', description: 'Zij leren samen. Ze kijken alleen naar uw leidinggevende.' },
    },
    reviewerFrom: {
      question: 'Wie mag de coach zijn?',
      hint: 'Een coach van buiten werkt niet voor uw organisatie. Die kijkt onafhankelijk mee.',
      any: { label: 'Dat maakt mij niet uit', description: 'Iemand van uw eigen organisatie of van buiten.' },
      internal: { label: 'Iemand van mijn organisatie', description: 'Een coach die bij uw organisatie werkt.' },
      external: { label: 'Iemand van buiten', description: 'Een onafhankelijke coach van een ander bureau.' },
    },
    watchWithClient: { question: 'Wilt u stukjes samen terugkijken?', hint: 'Samen met uw leidinggevende. Zo kunt u zeggen wat u ervan vond.', yes: 'Ja, samen kijken', no: 'Nee, liever niet' },
    feedbackViaReviewer: { question: 'Mag de coach u later vragen hoe het gesprek ging?', hint: 'Uw leidinggevende hoort alleen wat u goed vindt.', yes: 'Ja, dat mag', no: 'Nee, liever niet' },
    professional: {
      title: 'Uw eigen toestemming',
      lines: [
        'U staat zelf ook op de opname.',
        'U geeft toestemming met dezelfde afspraken als uw medewerker: wat wordt opgenomen, wie mag kijken en hoe lang.',
        'De opname is voor uw eigen leren als leidinggevende. Niemand gebruikt hem om u te beoordelen.',
      ],
      confirm: 'Ik geef toestemming om dit gesprek op te nemen',
    },
  },
  en: {
    explain: {
      why: {
        title: 'Why a recording?',
        lines: [
          'Your manager wants to learn from this conversation.',
          'For example: do I listen well? Do I give you room? Am I clear?',
          'It can help you too. If you like, you watch it back together.',
          'Nobody judges you with the recording.',
          'The recording is never used for your appraisal or your personnel file.',
        ],
      },
      who: {
        title: 'Who may watch?',
        lines: ['Only the people you choose.', 'Your manager watches it.', 'You can also choose a coach. Or a group of colleagues who learn together.', 'Nobody else. Not other managers either.'],
      },
      no: {
        title: 'Saying no is fine',
        lines: ['You do not want a recording? That is fine.', 'Nothing changes for you.', 'Not your work. Not your appraisal.', 'The conversation goes on as usual, without a recording.'],
      },
    },
    audience: {
      question: 'Who may see the recording?',
      professional: { label: 'Only my manager', description: 'Nobody else.' },
      reviewer: { label: 'Also a coach', description: 'A coach helps your manager learn.' },
      reviewerNamed: 'The coach is {{reviewer}}.',
      reviewerOpen: 'Which coach is not known yet. It can be someone from your own organisation. Or an independent coach from outside.',
      reviewerIndependent: 'This coach does not work for your organisation, but for {{organisation}}. The coach is independent.',
      peer_group: { label: 'Also a group of colleagues', description: 'They learn together. They only look at your manager.' },
    },
    reviewerFrom: {
      question: 'Who may the coach be?',
      hint: 'A coach from outside does not work for your organisation. They watch independently.',
      any: { label: 'I do not mind', description: 'Someone from your own organisation or from outside.' },
      internal: { label: 'Someone from my organisation', description: 'A coach who works for your organisation.' },
      external: { label: 'Someone from outside', description: 'An independent coach from another agency.' },
    },
    watchWithClient: { question: 'Would you like to watch parts together?', hint: 'Together with your manager. Then you can say what you thought.', yes: 'Yes, watch together', no: 'No, rather not' },
    feedbackViaReviewer: { question: 'May the coach ask you later how the conversation went?', hint: 'Your manager only hears what you agree to.', yes: 'Yes, that is fine', no: 'No, rather not' },
    professional: {
      title: 'Your own consent',
      lines: [
        'You are on the recording too.',
        'You consent with the same agreements as your staff member: what is recorded, who may watch and for how long.',
        'The recording is for your own learning as a manager. Nobody uses it to judge you.',
      ],
      confirm: 'I consent to this conversation being recorded',
    },
  },
  ar: {
    explain: {
      why: {
        title: 'لماذا التسجيل؟',
        lines: [
          'مديرك في العمل يريد أن يتعلم من هذه المحادثة.',
          'مثلًا: هل أسمع جيدًا؟ هل أترك لك مساحة؟ هل أنا واضح؟',
          'قد يفيدك التسجيل أنت أيضًا. إذا أردت، تشاهده معًا.',
          'لا أحد يقيّمك بهذا التسجيل.',
          'لا يُستخدم التسجيل أبدًا في تقييم عملك أو في ملفك الشخصي.',
        ],
      },
      who: {
        title: 'من يمكنه المشاهدة؟',
        lines: ['فقط من تختاره أنت.', 'مديرك يشاهد بنفسه.', 'يمكنك أيضًا أن تختار مدرّبًا. أو مجموعة زملاء يتعلمون معًا.', 'لا أحد غيرهم. ولا المديرون الآخرون.'],
      },
      no: {
        title: 'يمكنك أن تقول لا',
        lines: ['لا تريد تسجيلًا؟ لا بأس.', 'لن يتغير شيء بالنسبة لك.', 'لا في عملك. ولا في تقييمك.', 'تستمر المحادثة كالمعتاد، بدون تسجيل.'],
      },
    },
    audience: {
      question: 'من يمكنه رؤية التسجيل؟',
      professional: { label: 'مديري فقط', description: 'لا أحد غيره.' },
      reviewer: { label: 'ومدرّب أيضًا', description: 'المدرّب يساعد مديرك على التعلم.' },
      reviewerNamed: 'المدرّب هو {{reviewer}}.',
      reviewerOpen: 'لا نعرف بعد من هو المدرّب. قد يكون شخصًا من مؤسستك. أو مدرّبًا مستقلًا من خارجها.',
      reviewerIndependent: 'هذا المدرّب لا يعمل في مؤسستك. هو يعمل في {{organisation}}. المدرّب مستقل.',
      peer_group: { label: 'ومجموعة زملاء أيضًا', description: 'هم يتعلمون معًا. ينظرون إلى مديرك فقط.' },
    },
    reviewerFrom: {
      question: 'من يمكن أن يكون المدرّب؟',
      hint: 'المدرّب من الخارج لا يعمل لمؤسستك. هو ينظر بشكل مستقل.',
      any: { label: 'لا يهمني', description: 'شخص من مؤسستك أو من الخارج.' },
      internal: { label: 'شخص من مؤسستي', description: 'مدرّب يعمل في مؤسستك.' },
      external: { label: 'شخص من الخارج', description: 'مدرّب مستقل من مكتب آخر.' },
    },
    watchWithClient: { question: 'هل تريد مشاهدة أجزاء معًا؟', hint: 'مع مديرك. هكذا تقول رأيك.', yes: 'نعم، نشاهد معًا', no: 'لا، أفضّل لا' },
    feedbackViaReviewer: { question: 'هل يمكن للمدرّب أن يسألك لاحقًا كيف كانت المحادثة؟', hint: 'مديرك يسمع فقط ما توافق عليه أنت.', yes: 'نعم، يمكن', no: 'لا، أفضّل لا' },
    professional: {
      title: 'موافقتك أنت',
      lines: ['أنت أيضًا في التسجيل.', 'توافق بنفس الاتفاقات مثل الموظف: ماذا يُسجَّل، من يشاهد، وكم يبقى.', 'التسجيل لتعلّمك أنت كمدير. لا أحد يستخدمه لتقييمك.'],
      confirm: 'أوافق على تسجيل هذه المحادثة',
    },
  },
  tr: {
    explain: {
      why: {
        title: 'Neden kayıt?',
        lines: [
          'Yöneticiniz bu görüşmeden öğrenmek istiyor.',
          'Örneğin: iyi dinliyor muyum? Size alan bırakıyor muyum? Açık mıyım?',
          'Size de faydası olabilir. İsterseniz birlikte geri izlersiniz.',
          'Kimse sizi bu kayıtla değerlendirmez.',
          'Kayıt asla performans değerlendirmeniz veya personel dosyanız için kullanılmaz.',
        ],
      },
      who: {
        title: 'Kim izleyebilir?',
        lines: ['Sadece sizin seçtikleriniz.', 'Yöneticiniz kendisi izler.', 'Bir koç da seçebilirsiniz. Ya da birlikte öğrenen bir meslektaş grubu.', 'Başka kimse. Diğer yöneticiler de değil.'],
      },
      no: {
        title: 'Hayır demek olur',
        lines: ['Kayıt istemiyor musunuz? Sorun değil.', 'Sizin için hiçbir şey değişmez.', 'İşiniz değişmez. Değerlendirmeniz değişmez.', 'Görüşme kayıtsız, normal şekilde devam eder.'],
      },
    },
    audience: {
      question: 'Kaydı kim görebilir?',
      professional: { label: 'Sadece yöneticim', description: 'Başka kimse.' },
      reviewer: { label: 'Bir koç da', description: 'Koç, yöneticinizin öğrenmesine yardım eder.' },
      reviewerNamed: 'Koç: {{reviewer}}.',
      reviewerOpen: 'Hangi koç olacağı henüz belli değil. Kendi kurumunuzdan biri olabilir. Ya da dışarıdan bağımsız bir koç.',
      reviewerIndependent: 'Bu koç kurumunuzda çalışmıyor, {{organisation}} için çalışıyor. Koç bağımsızdır.',
      peer_group: { label: 'Bir meslektaş grubu da', description: 'Birlikte öğrenirler. Sadece yöneticinize bakarlar.' },
    },
    reviewerFrom: {
      question: 'Koç kim olabilir?',
      hint: 'Dışarıdan bir koç kurumunuz için çalışmaz. Bağımsız olarak izler.',
      any: { label: 'Benim için fark etmez', description: 'Kurumunuzdan ya da dışarıdan biri.' },
      internal: { label: 'Kurumumdan biri', description: 'Kurumunuzda çalışan bir koç.' },
      external: { label: 'Dışarıdan biri', description: 'Başka bir bürodan bağımsız bir koç.' },
    },
    watchWithClient: { question: 'Bazı parçaları birlikte izlemek ister misiniz?', hint: 'Yöneticinizle birlikte. Böylece ne düşündüğünüzü söyleyebilirsiniz.', yes: 'Evet, birlikte izleyelim', no: 'Hayır, tercih etmem' },
    feedbackViaReviewer: { question: 'Koç daha sonra size görüşmenin nasıl geçtiğini sorabilir mi?', hint: 'Yöneticiniz sadece sizin uygun bulduğunuzu duyar.', yes: 'Evet, sorabilir', no: 'Hayır, tercih etmem' },
    professional: {
      title: 'Kendi onayınız',
      lines: ['Siz de kayıttasınız.', 'Çalışanınızla aynı kurallarla onay verirsiniz: ne kaydedilir, kim izler ve ne kadar süre.', 'Kayıt, yönetici olarak kendi öğrenmeniz içindir. Kimse onu sizi değerlendirmek için kullanmaz.'],
      confirm: 'Bu görüşmenin kaydedilmesine onay veriyorum',
    },
  },
  pl: {
    explain: {
      why: {
        title: 'Po co nagranie?',
        lines: [
          'Twój przełożony chce się uczyć z tej rozmowy.',
          'Na przykład: czy dobrze słucham? Czy daję Ci miejsce? Czy mówię jasno?',
          'Nagranie może pomóc także Tobie. Jeśli chcesz, obejrzycie je razem.',
          'Nikt nie ocenia Cię na podstawie nagrania.',
          'Nagranie nigdy nie służy do oceny Twojej pracy ani do Twoich akt osobowych.',
        ],
      },
      who: {
        title: 'Kto może oglądać?',
        lines: ['Tylko osoby, które wybierzesz.', 'Twój przełożony ogląda sam.', 'Możesz też wybrać coacha. Albo grupę kolegów, którzy uczą się razem.', 'Nikt więcej. Inni przełożeni też nie.'],
      },
      no: {
        title: 'Możesz powiedzieć nie',
        lines: ['Nie chcesz nagrania? To w porządku.', 'Nic się dla Ciebie nie zmienia.', 'Ani w pracy. Ani w Twojej ocenie.', 'Rozmowa toczy się dalej, bez nagrania.'],
      },
    },
    audience: {
      question: 'Kto może zobaczyć nagranie?',
      professional: { label: 'Tylko mój przełożony', description: 'Nikt więcej.' },
      reviewer: { label: 'Także coach', description: 'Coach pomaga Twojemu przełożonemu się uczyć.' },
      reviewerNamed: 'Coach to {{reviewer}}.',
      reviewerOpen: 'Nie wiadomo jeszcze, kto będzie coachem. Może to być ktoś z Twojej organizacji. Albo niezależny coach z zewnątrz.',
      reviewerIndependent: 'Ten coach nie pracuje w Twojej organizacji, tylko w {{organisation}}. Coach jest niezależny.',
      peer_group: { label: 'Także grupa kolegów', description: 'Uczą się razem. Patrzą tylko na Twojego przełożonego.' },
    },
    reviewerFrom: {
      question: 'Kto może być coachem?',
      hint: 'Coach z zewnątrz nie pracuje dla Twojej organizacji. Patrzy niezależnie.',
      any: { label: 'Nie ma to dla mnie znaczenia', description: 'Ktoś z Twojej organizacji albo z zewnątrz.' },
      internal: { label: 'Ktoś z mojej organizacji', description: 'Coach, który pracuje w Twojej organizacji.' },
      external: { label: 'Ktoś z zewnątrz', description: 'Niezależny coach z innego biura.' },
    },
    watchWithClient: { question: 'Chcesz obejrzeć fragmenty razem?', hint: 'Razem z Twoim przełożonym. Wtedy możesz powiedzieć, co o tym myślisz.', yes: 'Tak, oglądamy razem', no: 'Nie, wolę nie' },
    feedbackViaReviewer: { question: 'Czy coach może Cię później zapytać, jak przebiegła rozmowa?', hint: 'Twój przełożony usłyszy tylko to, na co się zgodzisz.', yes: 'Tak, może', no: 'Nie, wolę nie' },
    professional: {
      title: 'Twoja własna zgoda',
      lines: ['Ty też jesteś na nagraniu.', 'Zgadzasz się na tych samych zasadach co Twój pracownik: co jest nagrywane, kto może oglądać i jak długo.', 'Nagranie służy Twojej nauce jako przełożonego. Nikt nie używa go, żeby Cię oceniać.'],
      confirm: 'Zgadzam się na nagranie tej rozmowy',
    },
  },
  uk: {
    explain: {
      why: {
        title: 'Навіщо запис?',
        lines: [
          'Ваш керівник хоче вчитися з цієї розмови.',
          'Наприклад: чи добре я слухаю? Чи даю вам простір? Чи я зрозумілий?',
          'Це може допомогти і вам. Якщо хочете, ви переглянете запис разом.',
          'Ніхто не оцінює вас за цим записом.',
          'Запис ніколи не використовують для оцінки вашої роботи чи для вашої особової справи.',
        ],
      },
      who: {
        title: 'Хто може дивитися?',
        lines: ['Тільки ті, кого ви оберете.', 'Ваш керівник дивиться сам.', 'Ви можете також обрати коуча. Або групу колег, які вчаться разом.', 'Більше ніхто. Інші керівники теж ні.'],
      },
      no: {
        title: 'Можна сказати ні',
        lines: ['Не хочете запису? Це добре.', 'Для вас нічого не зміниться.', 'Ні у вашій роботі. Ні у вашій оцінці.', 'Розмова продовжується як звичайно, без запису.'],
      },
    },
    audience: {
      question: 'Хто може бачити запис?',
      professional: { label: 'Тільки мій керівник', description: 'Більше ніхто.' },
      reviewer: { label: 'Також коуч', description: 'Коуч допомагає вашому керівнику вчитися.' },
      reviewerNamed: 'Коуч: {{reviewer}}.',
      reviewerOpen: 'Який коуч, ще невідомо. Це може бути хтось із вашої організації. Або незалежний коуч ззовні.',
      reviewerIndependent: 'Цей коуч не працює у вашій організації, а в {{organisation}}. Коуч незалежний.',
      peer_group: { label: 'Також група колег', description: 'Вони вчаться разом. Вони дивляться тільки на вашого керівника.' },
    },
    reviewerFrom: {
      question: 'Хто може бути коучем?',
      hint: 'Коуч ззовні не працює на вашу організацію. Він дивиться незалежно.',
      any: { label: 'Мені все одно', description: 'Хтось із вашої організації або ззовні.' },
      internal: { label: 'Хтось із моєї організації', description: 'Коуч, який працює у вашій організації.' },
      external: { label: 'Хтось ззовні', description: 'Незалежний коуч з іншого бюро.' },
    },
    watchWithClient: { question: 'Хочете переглянути частини разом?', hint: 'Разом із вашим керівником. Так ви можете сказати, що думаєте.', yes: 'Так, дивимося разом', no: 'Ні, краще ні' },
    feedbackViaReviewer: { question: 'Чи може коуч пізніше запитати вас, як пройшла розмова?', hint: 'Ваш керівник почує тільки те, на що ви погодитеся.', yes: 'Так, можна', no: 'Ні, краще ні' },
    professional: {
      title: 'Ваша власна згода',
      lines: ['Ви теж є на записі.', 'Ви даєте згоду на тих самих умовах, що й ваш працівник: що записують, хто може дивитися і як довго.', 'Запис — для вашого власного навчання як керівника. Ніхто не використовує його, щоб оцінювати вас.'],
      confirm: 'Я погоджуюся на запис цієї розмови',
    },
  },
} as const satisfies Record<ClientLocale, StaffParts>;

function staffTextOf(locale: ClientLocale): ConsentTextContent {
  const client = consentTexts[locale];
  const own = staffParts[locale];
  return { ...client, ...own, explain: { ...client.explain, ...own.explain } };
}

export const staffConsentTexts = Object.fromEntries(
  (Object.keys(staffParts) as ClientLocale[]).map((locale) => [locale, staffTextOf(locale)]),
) as Record<ClientLocale, ConsentTextContent>;

/** What is stored for the staff version: the exact content, serialised once so the hash is stable. */
export function staffConsentTextDocument(): string {
  return JSON.stringify({ version: staffConsentTextVersion, texts: staffConsentTexts });
}

/** The text version a partner of this kind is asked to agree to. */
export function consentTextVersionFor(kind: PartnerKind): string {
  return kind === 'staff' ? staffConsentTextVersion : consentTextVersion;
}

/** The words of a consent, from the version it was (or will be) given under. */
export function consentTextsOfVersion(version: string): Record<ClientLocale, ConsentTextContent> {
  return version === staffConsentTextVersion ? staffConsentTexts : consentTexts;
}
