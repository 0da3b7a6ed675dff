// Longer than 350 lines on purpose — translation data: the consent text in every client language, side by side.
import type { ConsentTextContent } from './consent-text.js';

/**
 * The consent words in the languages added after Dutch and English, written from the Dutch
 * meaning, short and plain. Not yet checked by native speakers (see client-languages.ts).
 * Part of the versioned consent document: changing a word here needs a new consentTextVersion.
 */
export const consentTextTranslations = {
  ar: {
    explain: {
      what: {
        title: 'هل يمكن تسجيل هذه المحادثة؟',
        lines: ['يريد {{professional}} تسجيل هذه المحادثة.', 'بالصورة والصوت. أو بالصوت فقط.', 'أنت تختار. يمكنك أن تقول لا.'],
      },
      why: {
        title: 'لماذا التسجيل؟',
        lines: [
          'موظف البلدية الذي يساعدك يريد أن يتعلم من المحادثة.',
          'مثلًا: هل أسمع جيدًا؟ هل أشرح بوضوح؟',
          'قد يفيدك التسجيل أنت أيضًا. إذا أردت، تشاهده مع الموظف. عندها ترى كيف تبدو للآخرين.',
          'لا أحد يقيّمك بهذا التسجيل.',
          'لا يُستخدم التسجيل أبدًا لقرارات عن إعانتك المالية.',
        ],
      },
      who: {
        title: 'من يمكنه المشاهدة؟',
        lines: [
          'فقط من تختاره أنت.',
          'الموظف الذي يساعدك يشاهد بنفسه.',
          'يمكنك أيضًا أن تختار مدرّبًا. أو مجموعة زملاء يتعلمون معًا.',
          'لا أحد غيرهم. ولا حتى مدير الموظف.',
        ],
      },
      keep: {
        title: 'كم يبقى التسجيل؟',
        lines: [
          'التسجيل مقفل. لا يشاهده أحد إلا بمفتاح.',
          'أنت تختار كم نحتفظ به. بعد ذلك يُحذف.',
          'يمكنك التوقف في أي وقت. عندها يُحذف التسجيل فورًا.',
          'لا تحتاج أن تقول السبب.',
        ],
      },
      no: {
        title: 'يمكنك أن تقول لا',
        lines: [
          'لا تريد تسجيلًا؟ لا بأس.',
          'لن يتغير شيء بالنسبة لك.',
          'لا في إعانتك المالية. ولا في المساعدة التي تحصل عليها.',
          'تستمر المحادثة كالمعتاد، بدون تسجيل.',
        ],
      },
    },
    media: {
      question: 'ماذا يمكن أن نسجل؟',
      video: { label: 'الصورة والصوت', description: 'فيديو للمحادثة.' },
      audio: { label: 'الصوت فقط', description: 'بدون صورة. الأصوات فقط.' },
      none: { label: 'لا تسجيل', description: 'تستمر المحادثة كالمعتاد.' },
    },
    audience: {
      question: 'من يمكنه رؤية التسجيل؟',
      professional: { label: 'الموظف الذي يساعدني فقط', description: 'لا أحد غيره.' },
      reviewer: { label: 'ومدرّب أيضًا', description: 'المدرّب يساعد الموظف على التعلم.' },
      reviewerNamed: 'المدرّب هو {{reviewer}}.',
      reviewerOpen: 'لا نعرف بعد من هو المدرّب. قد يكون شخصًا من البلدية. أو مدرّبًا مستقلًا من خارجها.',
      reviewerIndependent: 'هذا المدرّب لا يعمل في البلدية. هو يعمل في {{organisation}}. المدرّب مستقل.',
      peer_group: { label: 'ومجموعة زملاء أيضًا', description: 'هم يتعلمون معًا. ينظرون إلى الموظف فقط.' },
    },
    reviewerFrom: {
      question: 'من يمكن أن يكون المدرّب؟',
      hint: 'المدرّب من الخارج لا يعمل للبلدية. هو ينظر بشكل مستقل.',
      any: { label: 'لا يهمني', description: 'شخص من البلدية أو من الخارج.' },
      internal: { label: 'شخص من البلدية', description: 'مدرّب يعمل في البلدية.' },
      external: { label: 'شخص من خارج البلدية', description: 'مدرّب مستقل من مكتب آخر.' },
    },
    watchWithClient: {
      question: 'هل تريد مشاهدة أجزاء معًا؟',
      hint: 'مع الموظف الذي يساعدك. هكذا تقول رأيك.',
      yes: 'نعم، نشاهد معًا',
      no: 'لا، أفضّل لا',
    },
    feedbackViaReviewer: {
      question: 'هل يمكن للمدرّب أن يسألك لاحقًا كيف كانت المحادثة؟',
      hint: 'الموظف يسمع فقط ما توافق عليه أنت.',
      yes: 'نعم، يمكن',
      no: 'لا، أفضّل لا',
    },
    policyViewing: {
      question: 'هل يمكن إرسال جزء قصير إلى صانعي السياسات أيضًا؟',
      hint: 'عندها يرى صانعو السياسات أو فريق الإدارة كيف يجري العمل فعلًا. هكذا تصبح القواعد أنسب. هو جزء قصير، لمدة قصيرة. لا أحد يقيّمك به. يمكنك دائمًا أن تسحب هذا الاختيار.',
      yes: 'نعم، يمكن',
      no: 'لا، أفضّل لا',
    },
    retention: {
      question: 'كم يمكن أن يبقى التسجيل؟',
      hint: 'بعد ذلك نحذفه. يمكنك التوقف قبل ذلك دائمًا.',
      option: '{{count}} يومًا',
      until: 'حتى {{date}} تقريبًا',
    },
    confirm: {
      title: 'اكتب اسمك',
      lines: ['انظر إلى اختياراتك مرة أخرى.', 'هل كل شيء صحيح؟ اكتب اسمك.', 'هكذا تقول: قرأت وأنا موافق.'],
      nameLabel: 'اسمك',
    },
    declineConfirm: {
      title: 'اخترت: لا تسجيل',
      lines: ['لا بأس. تستمر المحادثة كالمعتاد.', 'لن يتغير شيء بالنسبة لك.'],
    },
    withdraw: {
      title: 'هكذا تتوقف',
      lines: ['افتح رابطك الشخصي. اكتب الرمز الموجود على ورقتك.', 'ثم اختر: إيقاف التسجيل.', 'عندها يُحذف التسجيل فورًا.', 'لا تحتاج أن تقول السبب.'],
    },
    professional: {
      title: 'موافقتك أنت',
      lines: [
        'أنت أيضًا في التسجيل.',
        'توافق بنفس الاتفاقات مثل عميلك: ماذا يُسجَّل، من يشاهد، وكم يبقى.',
        'التسجيل لتعلّمك أنت. لا أحد يستخدمه لتقييمك.',
      ],
      confirm: 'أوافق على تسجيل هذه المحادثة',
    },
  },
  tr: {
    explain: {
      what: {
        title: 'Bu görüşme kaydedilebilir mi?',
        lines: ['{{professional}} bu görüşmeyi kaydetmek istiyor.', 'Görüntü ve sesle. Ya da sadece sesle.', 'Siz seçersiniz. Hayır demek de olur.'],
      },
      why: {
        title: 'Neden kayıt?',
        lines: [
          'Danışmanınız bu görüşmeden öğrenmek istiyor.',
          'Örneğin: İyi dinliyor muyum? Açık anlatıyor muyum?',
          'Kayıt size de yararlı olabilir. İsterseniz birlikte izlersiniz. O zaman nasıl göründüğünüzü görürsünüz.',
          'Kimse sizi bu kayıtla değerlendirmez.',
          'Kayıt, sosyal yardımınızla ilgili kararlar için asla kullanılmaz.',
        ],
      },
      who: {
        title: 'Kim izleyebilir?',
        lines: [
          'Sadece sizin seçtiğiniz kişiler.',
          'Danışmanınız kendisi izler.',
          'Bir koç da seçebilirsiniz. Ya da birlikte öğrenen bir grup meslektaş.',
          'Başka kimse. Danışmanınızın amiri de izleyemez.',
        ],
      },
      keep: {
        title: 'Kayıt ne kadar kalır?',
        lines: [
          'Kayıt kilitli. Sadece anahtarla izlenebilir.',
          'Ne kadar saklanacağını siz seçersiniz. Sonra silinir.',
          'İstediğiniz zaman durdurabilirsiniz. O zaman kayıt hemen silinir.',
          'Nedenini söylemeniz gerekmez.',
        ],
      },
      no: {
        title: 'Hayır diyebilirsiniz',
        lines: [
          'Kayıt istemiyor musunuz? Sorun değil.',
          'Sizin için hiçbir şey değişmez.',
          'Sosyal yardımınız değişmez. Aldığınız destek değişmez.',
          'Görüşme kayıtsız devam eder.',
        ],
      },
    },
    media: {
      question: 'Ne kaydedilebilir?',
      video: { label: 'Görüntü ve ses', description: 'Görüşmenin videosu.' },
      audio: { label: 'Sadece ses', description: 'Görüntü yok. Sadece sesler.' },
      none: { label: 'Hiçbir şey kaydetme', description: 'Görüşme normal devam eder.' },
    },
    audience: {
      question: 'Kaydı kim görebilir?',
      professional: { label: 'Sadece danışmanım', description: 'Başka kimse.' },
      reviewer: { label: 'Bir koç da', description: 'Koç, danışmanınızın öğrenmesine yardım eder.' },
      reviewerNamed: 'Koç: {{reviewer}}.',
      reviewerOpen: 'Koçun kim olacağı henüz belli değil. Belediyeden biri olabilir. Ya da dışarıdan bağımsız bir koç.',
      reviewerIndependent: 'Bu koç belediyede çalışmıyor. {{organisation}} için çalışıyor. Koç bağımsızdır.',
      peer_group: { label: 'Bir grup meslektaş da', description: 'Birlikte öğrenirler. Sadece danışmanınıza bakarlar.' },
    },
    reviewerFrom: {
      question: 'Koç kim olabilir?',
      hint: 'Dışarıdan bir koç belediye için çalışmaz. Kaydı bağımsız olarak izler.',
      any: { label: 'Benim için fark etmez', description: 'Belediyeden ya da dışarıdan biri.' },
      internal: { label: 'Belediyeden biri', description: 'Belediyede çalışan bir koç.' },
      external: { label: 'Belediye dışından biri', description: 'Başka bir bürodan bağımsız bir koç.' },
    },
    watchWithClient: {
      question: 'Bazı parçaları birlikte izlemek ister misiniz?',
      hint: 'Danışmanınızla birlikte. Böylece ne düşündüğünüzü söyleyebilirsiniz.',
      yes: 'Evet, birlikte izleyelim',
      no: 'Hayır, istemiyorum',
    },
    feedbackViaReviewer: {
      question: 'Koç size sonra görüşmenin nasıl geçtiğini sorabilir mi?',
      hint: 'Danışmanınız sadece sizin izin verdiğinizi duyar.',
      yes: 'Evet, sorabilir',
      no: 'Hayır, istemiyorum',
    },
    policyViewing: {
      question: 'Kısa bir parça politika yapanlara da gidebilir mi?',
      hint: 'Politika yapanlar veya yönetim ekibi işin gerçekte nasıl olduğunu görür. Böylece kurallar daha iyi uyar. Kısa bir parça, kısa bir süre için. Kimse sizi bununla değerlendirmez. Bu seçimi her zaman geri alabilirsiniz.',
      yes: 'Evet, olur',
      no: 'Hayır, tercih etmem',
    },
    retention: {
      question: 'Kayıt ne kadar kalabilir?',
      hint: 'Sonra onu sileriz. Daha önce durdurmak her zaman mümkün.',
      option: '{{count}} gün',
      until: 'Yaklaşık {{date}} tarihine kadar',
    },
    confirm: {
      title: 'Adınızı yazın',
      lines: ['Seçimlerinize bir kez daha bakın.', 'Doğru mu? O zaman adınızı yazın.', 'Böylece şunu dersiniz: okudum ve kabul ediyorum.'],
      nameLabel: 'Adınız',
    },
    declineConfirm: {
      title: 'Seçiminiz: hiçbir şey kaydedilmesin',
      lines: ['Sorun değil. Görüşme normal devam eder.', 'Sizin için hiçbir şey değişmez.'],
    },
    withdraw: {
      title: 'Nasıl durdurabilirsiniz',
      lines: ['Kişisel bağlantınızı açın. Kâğıdınızdaki kodu yazın.', 'Sonra seçin: kaydı durdur.', 'Kayıt hemen silinir.', 'Nedenini söylemeniz gerekmez.'],
    },
    professional: {
      title: 'Sizin kendi izniniz',
      lines: [
        'Siz de kayıttasınız.',
        'Danışanınızla aynı anlaşmalarla izin verirsiniz: ne kaydedilir, kim izler, ne kadar kalır.',
        'Kayıt sizin öğrenmeniz içindir. Kimse onu sizi değerlendirmek için kullanmaz.',
      ],
      confirm: 'Bu görüşmenin kaydedilmesine izin veriyorum',
    },
  },
  pl: {
    explain: {
      what: {
        title: 'Czy można nagrać tę rozmowę?',
        lines: ['{{professional}} chce nagrać tę rozmowę.', 'Obraz i dźwięk. Albo tylko dźwięk.', 'Ty decydujesz. Możesz też powiedzieć nie.'],
      },
      why: {
        title: 'Po co nagranie?',
        lines: [
          'Twój opiekun z gminy chce się uczyć z tej rozmowy.',
          'Na przykład: czy dobrze słucham? Czy jasno tłumaczę?',
          'Nagranie może pomóc także Tobie. Jeśli chcesz, obejrzycie je razem. Wtedy zobaczysz, jak Cię odbierają.',
          'Nikt nie ocenia Cię na podstawie nagrania.',
          'Nagranie nigdy nie służy do decyzji o Twoim zasiłku.',
        ],
      },
      who: {
        title: 'Kto może oglądać?',
        lines: [
          'Tylko osoby, które wybierzesz.',
          'Twój opiekun ogląda sam.',
          'Możesz też wybrać coacha. Albo grupę kolegów, którzy uczą się razem.',
          'Nikt inny. Także szef Twojego opiekuna nie.',
        ],
      },
      keep: {
        title: 'Jak długo zostaje nagranie?',
        lines: [
          'Nagranie jest zamknięte. Można je obejrzeć tylko z kluczem.',
          'Ty wybierasz, jak długo je trzymamy. Potem znika.',
          'Zawsze możesz przerwać. Wtedy nagranie od razu znika.',
          'Nie musisz mówić dlaczego.',
        ],
      },
      no: {
        title: 'Możesz powiedzieć nie',
        lines: [
          'Nie chcesz nagrania? To w porządku.',
          'Nic się dla Ciebie nie zmieni.',
          'Ani Twój zasiłek. Ani pomoc, którą dostajesz.',
          'Rozmowa toczy się dalej, bez nagrania.',
        ],
      },
    },
    media: {
      question: 'Co można nagrać?',
      video: { label: 'Obraz i dźwięk', description: 'Film z rozmowy.' },
      audio: { label: 'Tylko dźwięk', description: 'Bez obrazu. Tylko głosy.' },
      none: { label: 'Nic nie nagrywać', description: 'Rozmowa toczy się normalnie.' },
    },
    audience: {
      question: 'Kto może zobaczyć nagranie?',
      professional: { label: 'Tylko mój opiekun', description: 'Nikt więcej.' },
      reviewer: { label: 'Także coach', description: 'Coach pomaga opiekunowi się uczyć.' },
      reviewerNamed: 'Coach to {{reviewer}}.',
      reviewerOpen: 'Nie wiadomo jeszcze, kto będzie coachem. To może być ktoś z gminy. Albo niezależny coach z zewnątrz.',
      reviewerIndependent: 'Ten coach nie pracuje w gminie. Pracuje w organizacji {{organisation}}. Coach jest niezależny.',
      peer_group: { label: 'Także grupa kolegów', description: 'Uczą się razem. Patrzą tylko na Twojego opiekuna.' },
    },
    reviewerFrom: {
      question: 'Kto może być coachem?',
      hint: 'Coach z zewnątrz nie pracuje dla gminy. Patrzy niezależnie.',
      any: { label: 'Jest mi wszystko jedno', description: 'Ktoś z gminy albo z zewnątrz.' },
      internal: { label: 'Ktoś z gminy', description: 'Coach, który pracuje w gminie.' },
      external: { label: 'Ktoś spoza gminy', description: 'Niezależny coach z innego biura.' },
    },
    watchWithClient: {
      question: 'Chcesz obejrzeć fragmenty razem?',
      hint: 'Razem z opiekunem. Możesz wtedy powiedzieć, co o tym myślisz.',
      yes: 'Tak, obejrzyjmy razem',
      no: 'Nie, wolę nie',
    },
    feedbackViaReviewer: {
      question: 'Czy coach może Cię później zapytać, jak poszła rozmowa?',
      hint: 'Opiekun usłyszy tylko to, na co się zgodzisz.',
      yes: 'Tak, może',
      no: 'Nie, wolę nie',
    },
    policyViewing: {
      question: 'Czy krótki fragment może trafić też do osób tworzących zasady?',
      hint: 'Osoby tworzące zasady albo zespół zarządzający zobaczą wtedy, jak naprawdę wygląda ta praca. Dzięki temu zasady mogą lepiej pasować. To krótki fragment, na krótki czas. Nikt Cię nim nie ocenia. Zawsze możesz cofnąć ten wybór.',
      yes: 'Tak, może',
      no: 'Nie, wolę nie',
    },
    retention: {
      question: 'Jak długo może zostać nagranie?',
      hint: 'Potem je usuwamy. Przerwać możesz zawsze wcześniej.',
      option: '{{count}} dni',
      until: 'Mniej więcej do {{date}}',
    },
    confirm: {
      title: 'Wpisz swoje imię i nazwisko',
      lines: ['Spójrz jeszcze raz na swoje wybory.', 'Wszystko się zgadza? Wpisz swoje imię i nazwisko.', 'W ten sposób mówisz: przeczytałem/przeczytałam i zgadzam się.'],
      nameLabel: 'Imię i nazwisko',
    },
    declineConfirm: {
      title: 'Twój wybór: nic nie nagrywać',
      lines: ['To w porządku. Rozmowa toczy się normalnie.', 'Nic się dla Ciebie nie zmieni.'],
    },
    withdraw: {
      title: 'Jak przerwać',
      lines: ['Otwórz swój osobisty link. Wpisz kod z kartki.', 'Potem wybierz: przerwij nagranie.', 'Nagranie od razu znika.', 'Nie musisz mówić dlaczego.'],
    },
    professional: {
      title: 'Twoja własna zgoda',
      lines: [
        'Ty też jesteś na nagraniu.',
        'Zgadzasz się na te same zasady co klient: co jest nagrywane, kto ogląda i jak długo.',
        'Nagranie służy Twojej nauce. Nikt nie używa go, żeby Cię oceniać.',
      ],
      confirm: 'Zgadzam się na nagranie tej rozmowy',
    },
  },
  uk: {
    explain: {
      what: {
        title: 'Чи можна записати цю розмову?',
        lines: ['{{professional}} хоче записати цю розмову.', 'З відео і звуком. Або тільки звук.', 'Ви вирішуєте самі. Сказати «ні» теж можна.'],
      },
      why: {
        title: 'Навіщо запис?',
        lines: [
          'Ваш консультант хоче вчитися на цій розмові.',
          'Наприклад: чи я добре слухаю? Чи я зрозуміло пояснюю?',
          'Запис може бути корисним і вам. Якщо хочете, ви переглянете його разом. Тоді ви побачите, яке враження справляєте.',
          'Ніхто не оцінює вас за цим записом.',
          'Запис ніколи не використовують для рішень про вашу допомогу.',
        ],
      },
      who: {
        title: 'Хто може дивитися?',
        lines: [
          'Тільки ті, кого ви оберете.',
          'Ваш консультант дивиться сам.',
          'Ви можете також обрати наставника. Або групу колег, які вчаться разом.',
          'Більше ніхто. Навіть керівник вашого консультанта.',
        ],
      },
      keep: {
        title: 'Як довго зберігається запис?',
        lines: [
          'Запис закритий. Дивитися можна тільки з ключем.',
          'Ви обираєте, як довго ми його зберігаємо. Потім його видаляють.',
          'Ви можете зупинити будь-коли. Тоді запис одразу видаляють.',
          'Не треба пояснювати чому.',
        ],
      },
      no: {
        title: 'Можна сказати «ні»',
        lines: [
          'Не хочете запису? Це нормально.',
          'Для вас нічого не зміниться.',
          'Ні ваша допомога. Ні підтримка, яку ви отримуєте.',
          'Розмова йде далі, без запису.',
        ],
      },
    },
    media: {
      question: 'Що можна записати?',
      video: { label: 'Відео і звук', description: 'Відео розмови.' },
      audio: { label: 'Тільки звук', description: 'Без відео. Тільки голоси.' },
      none: { label: 'Нічого не записувати', description: 'Розмова йде як звичайно.' },
    },
    audience: {
      question: 'Хто може бачити запис?',
      professional: { label: 'Тільки мій консультант', description: 'Більше ніхто.' },
      reviewer: { label: 'Також наставник', description: 'Наставник допомагає консультанту вчитися.' },
      reviewerNamed: 'Наставник: {{reviewer}}.',
      reviewerOpen: 'Хто буде наставником, ще невідомо. Це може бути хтось із муніципалітету. Або незалежний наставник ззовні.',
      reviewerIndependent: 'Цей наставник не працює в муніципалітеті. Він працює в організації {{organisation}}. Наставник незалежний.',
      peer_group: { label: 'Також група колег', description: 'Вони вчаться разом. Дивляться тільки на вашого консультанта.' },
    },
    reviewerFrom: {
      question: 'Хто може бути наставником?',
      hint: 'Наставник ззовні не працює на муніципалітет. Він дивиться незалежно.',
      any: { label: 'Мені все одно', description: 'Хтось із муніципалітету або ззовні.' },
      internal: { label: 'Хтось із муніципалітету', description: 'Наставник, який працює в муніципалітеті.' },
      external: { label: 'Хтось не з муніципалітету', description: 'Незалежний наставник з іншого бюро.' },
    },
    watchWithClient: {
      question: 'Хочете переглянути частини разом?',
      hint: 'Разом із консультантом. Так ви можете сказати, що думаєте.',
      yes: 'Так, дивимося разом',
      no: 'Ні, краще не треба',
    },
    feedbackViaReviewer: {
      question: 'Чи може наставник потім запитати вас, як пройшла розмова?',
      hint: 'Консультант почує тільки те, на що ви погодитеся.',
      yes: 'Так, може',
      no: 'Ні, краще не треба',
    },
    policyViewing: {
      question: 'Чи може короткий фрагмент потрапити й до тих, хто створює правила?',
      hint: 'Тоді ті, хто створює правила, або команда керівництва побачать, якою насправді є ця робота. Так правила можуть краще підходити. Це короткий фрагмент, на короткий час. Ніхто вас за ним не оцінює. Ви завжди можете скасувати цей вибір.',
      yes: 'Так, можна',
      no: 'Ні, краще ні',
    },
    retention: {
      question: 'Як довго може зберігатися запис?',
      hint: 'Потім ми його видаляємо. Зупинити можна завжди раніше.',
      option: '{{count}} днів',
      until: 'Приблизно до {{date}}',
    },
    confirm: {
      title: 'Напишіть своє ім’я',
      lines: ['Ще раз подивіться на свій вибір.', 'Усе правильно? Тоді напишіть своє ім’я.', 'Так ви кажете: я прочитав(-ла) і погоджуюся.'],
      nameLabel: 'Ваше ім’я',
    },
    declineConfirm: {
      title: 'Ваш вибір: нічого не записувати',
      lines: ['Це нормально. Розмова йде як звичайно.', 'Для вас нічого не зміниться.'],
    },
    withdraw: {
      title: 'Як зупинити',
      lines: ['Відкрийте своє особисте посилання. Введіть код із вашого папірця.', 'Потім оберіть: зупинити запис.', 'Запис одразу видаляють.', 'Не треба пояснювати чому.'],
    },
    professional: {
      title: 'Ваша власна згода',
      lines: [
        'Ви теж є на записі.',
        'Ви погоджуєтеся на ті самі умови, що й клієнт: що записують, хто дивиться і як довго.',
        'Запис — для вашого навчання. Ніхто не використовує його, щоб оцінювати вас.',
      ],
      confirm: 'Я погоджуюся на запис цієї розмови',
    },
  },
} as const satisfies Record<'ar' | 'tr' | 'pl' | 'uk', ConsentTextContent>;
