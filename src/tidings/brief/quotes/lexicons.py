"""Per-language lexicons of reported speech: quotation marks, verbs of saying, the
conjunctions opening a reported clause, "according to" forms, pronouns and prepositions.
Adding a language means adding its entries here."""

from __future__ import annotations

# --- quotation marks --------------------------------------------------------------------

# Opening mark -> closing marks accepted for it.
_PAIRS = {
    "„": "”“\"",
    "«": "»",
    "“": "”\"",
    "‘": "’",
    "‹": "›",
    "\"": "\"”",
    "»": "«",  # Danish/German style »…«
    "‚": "‘’",
    "「": "」",  # Chinese, Japanese
    "『": "』",
    "’": "‘",  # Urdu, Persian, Arabic press: ’…‘ (read right to left); only before their script
}

# --- verbs of saying, per language ------------------------------------------------------
# Hindi and Urdu put the verb last, after the agent's ने/نے and up to nine words of object
# and adverbials ("انھوں نے نجی ٹی وی چینل سے بات کرتے ہوئے کہا کہ…", while talking to a TV
# channel, he said that…), never across another agent.
# "subject" verbs take their speaker before them ("Ushakov said"), and may also take it
# right after in the inverted order ("…, said Ushakov"). Forms with a space must match
# whole phrases. Each list is a regex alternation of word forms.
_VERBS = {
    "en": r"(?:has |have |had |also |later |then |further )?(?:said|says|say|told|tells|stated|states|added|adds|announced|declared|noted|mentioned|remarked|warned|insisted|claimed|explained|stressed|emphasi[sz]ed|pledged|promised|argued|asserted|confirmed|revealed|wrote|posted|tweeted|reiterated|acknowledged|vowed|assured|suggested|saying|adding|warning|insisting|announcing|writing|posting|called|calling|described|describing|informed|questioned|explained|explaining|proposed|proposing|expressed|demanded|demanding|demands|alleged|alleges|accused|urged|denied|denies|believes|shouted|chanted|cried|pitched|touted|hailed)",
    "ro": r"(?:a |au |va |(?:a|au) mai )(?:spus|declarat|afirmat|adăugat|precizat|subliniat|anunțat|anuntat|menționat|mentionat|transmis|amintit|explicat|arătat|aratat|susținut|sustinut|avertizat|insistat|confirmat|dezvăluit|scris|promis|asigurat|garantat)|spune|declară|afirmă|susține|subliniază|anunță|precizează|adaugă|transmite|spunând|declarând|afirmând|adăugând|menționând|subliniind|precizând|(?:a|au) numit|(?:a|au) calificat|(?:a|au) descris",
    "hi": r"ने\s+(?:(?!ने\s)\S+\s+){0,9}?(?:कहा|बताया|बयान|दावा|घोषणा|स्पष्ट|आरोप|जोर|जानकारी)|का\s+(?:कहना|आरोप|दावा|मानना)\s+(?:है|था)",
    "ru": r"(?:заявил|заявила|заявили|заявило|сообщило|объявило|объявили|подтвердило|подтвердили|сказал|сказала|сказали|сообщил|сообщила|сообщили|отметил|отметила|отметили|добавил|добавила|подчеркнул|подчеркнула|пояснил|пояснила|заверил|заверила|предупредил|признал|пообещал|пообещала|говорит|заявляет|заявив|отметив|подчеркнув|добавив|назвал|назвала|назвали|называет|написал|написала|написали|объявил|объявила|поздравил|поздравила|подтвердил|подтвердила|уточнил|уточнила|напомнил|напомнила|указал|указала|считает|сообщает)",
    "uk": r"(?:заявив|заявила|заявили|заявило|повідомило|повідомили|оголосило|оголосили|сказав|сказала|сказали|повідомив|повідомила|зазначив|зазначила|додав|додала|наголосив|наголосила|підкреслив|пояснив|запевнив|пообіцяв|каже|назвав|назвала|назвали|написав|написала|оголосив|оголосила|підтвердив|підтвердила|привітав|уточнив|уточнила|нагадав|нагадала|вважає)",
    "de": r"(?:sagte|sagten|sagt|erklärte|erklärt|betonte|betont|teilte mit|fügte hinzu|warnte|versicherte|bekräftigte|kündigte an|räumte ein|schrieb|meinte|nannte|nannten|bezeichnete|gratulierte|verkündete|bestätigte|twitterte)",
    "fr": r"(?:a |ont )?(?:déclaré|dit|affirmé|ajouté|souligné|indiqué|assuré|expliqué|annoncé|estimé|précisé|promis|garanti|averti|écrit|confirmé|félicité|poursuivi|insisté|martelé|prévenu|résumé|rappelé|répondu|réagi|lancé|ajouté|crié|scandé)|déclare|affirme|estime|assure|souligne|explique|affirmant|déclarant|estimant|expliquant|ajoutant|(?:a |ont )?qualifié|(?:a |ont )?dénoncé",
    "it": r"(?:ha |hanno |aveva )?(?:detto|dichiarato|affermato|aggiunto|spiegato|sottolineato|annunciato|scritto|precisato|ribadito|assicurato|confermato)|dice|afferma|dichiara|spiega|sottolinea",
    "pt": r"(?:disse|afirmou|declarou|acrescentou|explicou|anunciou|escreveu|destacou|garantiu|sublinhou|afirma|diz|declara|confirmou)",
    "pl": r"(?:powiedział|powiedziała|oświadczył|oświadczyła|dodał|dodała|stwierdził|stwierdziła|napisał|napisała|podkreślił|podkreśliła|zapowiedział|mówi)",
    "tr": r"(?:dedi|dediler|söyledi|söylediler|söylemesi(?:yle|nin|ne)?|açıklaması(?:yla)?|açıkladı|belirtti|ifade etti|vurguladı|kaydetti|duyurdu|yazdı|bildirdi|tebrik etti|diyerek|dedi ki)",
    "hr": r"(?:(?:je|su) )?(?:rekao|rekla|rekli|izjavio|izjavila|izjavili|kazao|kazala|naveo|navela|dodao|dodala|poručio|poručila|objavio|objavila|napisao|napisala|istaknuo|istakao|istakla|potvrdio|potvrdila|naglasio|naglasila)(?: je| su)?|kaže|kažu|navodi|ističe",
    "hu": r"(?:mondta|közölte|jelentette ki|hangsúlyozta|írta|nyilatkozta|tette hozzá|fogalmazott|emelte ki|vélte|nyilatkozta|jelentette|írja)",
    "id": r"(?:mengatakan|kata|katanya|ujar|ujarnya|menyatakan|mengungkapkan|menegaskan|menambahkan|menulis|tulis|tulisnya|mengumumkan|menjelaskan)",
    "tl": r"(?:sinabi|sabi|pahayag|idinagdag|ipinahayag|inihayag|isinulat)",
    "ar": r"(?:[وف])?(?:قال|قالت|قالوا|يقول|تقول|أكد|أكدت|أعلن|أعلنت|صرح|صرحت|أضاف|أضافت|أوضح|أوضحت|كتب|كتبت|ذكر|ذكرت|أشار|أشارت|شدد|شددت|اعتبر|اعتبرت|رحب|رحبت)",
    "ur": r"نے\s+(?:(?!نے\s)\S+\s+){0,9}?(?:کہا|بتایا|اعلان|دعویٰ|لکھا)|کا\s+کہنا\s+(?:ہے|تھا)",
    "zh": r"(?:表示|高呼|高喊|呼喊|喊道|欢呼|歡呼|说道|說道|说|說|称|稱|指出|宣布|宣佈|强调|強調|透露|写道|寫道|声称|聲稱|表态|表態|坦言|重申|证实|證實|承认|承認|补充道|補充道|补充说|補充說|认为|認為|回应|回應)",
    "ko": r"(?:말했다|밝혔다|발표했다|전했다|강조했다|설명했다|덧붙였다|언급했다|주장했다|선언했다|했다고)",
    "ta": r"(?:கூறினார்|தெரிவித்தார்|அறிவித்தார்|குறிப்பிட்டார்|வலியுறுத்தினார்|கூறியுள்ளார்|தெரிவித்துள்ளார்|அறிவித்துள்ளார்)",
    "te": r"(?:చెప్పారు|అన్నారు|ప్రకటించారు|తెలిపారు|పేర్కొన్నారు|వెల్లడించారు)",
    "es": r"(?:dijo|dice|transmitió|transmitido|afirmó|declaró|señaló|añadió|aseguró|explicó|indicó|sostuvo|advirtió|manifestó|subrayó|prometió|garantizó|anunció|diciendo|afirmando|asegurando|añadiendo|calificó|llamó|tildó|escribió|publicó|confirmó|felicitó)",
}
# Conjunctions opening the reported clause.
_THAT = {
    "en": r"that|whether", "ro": r"că|ca", "hi": r"कि", "ru": r"что", "uk": r"що",
    "de": r"dass|daß", "tr": r"ki", "hr": r"da", "hu": r"hogy", "id": r"bahwa|bahwasanya",
    "tl": r"na", "ar": r"(?:أن|إن|أنه|إنه|أنها|إنها|بأن)[\u064B-\u0652]*", "ur": r"کہ", "zh": r"[，,：:]?", "fr": r"que|qu['’]", "es": r"que", "it": r"che", "pt": r"que", "pl": r"że",
}
# "according to X" forms: the speaker follows (or precedes, in Hindi).
_ACCORDING = {
    "en": r"according to", "ro": r"potrivit lui|potrivit|conform lui|citat de",
    "ru": r"по (?:его |её |ее |их )?словам|по информации|по данным|как сообщают",
    "uk": r"за (?:його |її |їхніми )?словами|за даними|за інформацією", "de": r"laut|so", "fr": r"selon",
    "es": r"según", "it": r"secondo", "hr": r"prema riječima|kako je rekao|kako je rekla",
    "id": r"menurut", "tl": r"ayon kay|ayon sa",
    "ar": r"بحسب|وفقا ل|وفقاً ل|وفق|حسب|نقلا عن|نقلاً عن", "pt": r"segundo|de acordo com", "pl": r"według",
}
_INVERTED_PRONOUNS = set(
    """he she el ea acesta aceasta oficialul er sie il elle él ella он она він вона""".split()
)
_PRONOUNS = set(
    """he she they
    el ea ei ele acesta aceasta oficialul
    उन्होंने उसने वह वे इन्होंने انہوں انھوں اس
    onlar on ona oni
    dia ia beliau siya 他 她 他们 她们 他們 她們
    он она они він вона вони
    er sie
    il elle ils elles
    él ella ellos ellas""".split()
)
# Prepositions: a name right after one (possibly across title words) is not a subject.
_PREPOSITIONS = set(
    """to of in on at by for from with since between against about into over under after
    before during toward towards than via among across like
    lui de la în in din cu pentru despre spre între prin asupra fata față
    von zu zum zur mit für aus bei nach gegen über vom beim
    du des à au aux en pour avec par contre sur chez entre
    del a al con para por sobre según hacia
    в во на с со к ко о об от до из за для при про между у
    від між з із до""".split()
)
# Prepositions that also join the words of a title: "Secretary of State", "Ministrul de Externe".
_TITLE_LINKS = {"of", "for", "de", "des", "du", "del", "von", "der", "al"}

# Languages written without spaces between words (or whose verbs of saying glue onto the
# preceding word): their verbs match without word boundaries.
_UNBOUNDED = {"hi", "ur", "zh", "ja", "ko", "ta", "te"}
# Languages marking the agent with a postposition before the verb: ने (Hindi), نے (Urdu).
_AGENT_MARK = {"hi": "ने", "ur": "نے"}
# Language codes that share another's lexicon (Bosnian and Serbian in Latin script read
# as Croatian; Malay as Indonesian; Chinese variants as Chinese).
_LEXICON_OF = {"bs": "hr", "sr": "hr", "ms": "id", "zh-tw": "zh", "zh-cn": "zh", "fil": "tl"}

# Titles that stand for a person named elsewhere in the article ("the US President",
# "le président", "президент США", "the Pope", "a precizat ministrul"). Stems, compared
# with the start of each word (lower-cased, hyphenated parts too).
_TITLES = tuple("""
president presidente président präsident prezydent predsjednik başkan elnök presiden
prime premier minist secretar secrétaire sekretär sekretarz bakan
spokes sprecher porte-parole portavoz portavoce purtăto rzecznik
chancellor kanzler chancelier cancelliere
adviser advisor aide consilier conseiller berater consigliere asesor assessor
pope papa pape papst pápa paus
cardinal kardinal cardenal cardeal bíboros
diplomat envoy emissary ambasad ambassad
leader lider líder führer chef
foreign-secretary
президент прем'єр премьер министр міністр помощник помічник речник пресс-секретар представител
папа кардинал посол глава
राष्ट्रपति प्रधानमंत्री मंत्री प्रवक्ता विदेश सचिव
""".split())
# Words that begin like a title but name an office or a body, not a person.
_NOT_TITLES = tuple("""
ministry ministries ministerio ministero ministère ministerium ministerul ministerstw
ministarstv министерств міністерств bakanlığ presidency presidencia présidence presidenza
präsidium preşedinţi președinți secretariat secretaría secrétariat segreteria leadership
papacy papado papato papauté papsttum papal papale pontific chefe chefs
""".split())
# Languages that drop subject pronouns ("…», ha detto." / "…" dedi."): a verb of saying
# without a subject is the previous speaker's.
_PRO_DROP = {"es", "it", "pt", "ro", "pl", "tr", "hr", "uk", "ru", "hu", "ar", "zh", "ja",
             "ko", "ta", "te", "hi", "ur"}
# Nouns for words spoken ("his first words", "le sue prime parole"), a regex alternation.
_SPEECH_NOUNS = (r"words|remarks|parole|mots|propos|palabras|palavras|слова|слов|Worte|cuvinte|"
                 r"cuvintele|słowa|sözleri|szavai|kata-kata|mensaje|message|messaggio|послание|"
                 r"formula|formule|fórmula|Formel|formułę|формулу|formulă|declaração|declaración|déclaration")
# Chinese titles written right before a name ("外长王毅", "發言人杜加里克").
_ZH_TITLES = ("总统|總統|总理|總理|首相|部长|部長|外长|外長|大臣|发言人|發言人|秘书长|秘書長|高级代表|高級代表|"
              "代表|领导人|領導人|主席|国务卿|國務卿|大使|将军|將軍|司令|教宗|枢机|樞機|主教|外交秘书|外交秘書")
# Titles that name one office ("aide" and "adviser" both stand for Mr Ushakov).
_TITLE_SAME = {"advisor": "adviser", "aide": "adviser", "consilier": "adviser", "conseiller": "adviser",
               "berater": "adviser", "consigliere": "adviser", "asesor": "adviser", "assessor": "adviser",
               "помощник": "adviser", "помічник": "adviser"}
# Unnamed speakers a report describes, by the head word, with the English label shown.
_DESCRIBED = {
    **dict.fromkeys("official oficial funcionario funcionaria responsable funzionario beamter "
                    "oficialul chinovnik чиновник посадовець अधिकारी مسؤول عہدیدار yetkili tisztviselő "
                    "pejabat dužnosnik".split(), "an official"),
    **dict.fromkeys("officials oficiales funcionarios responsables funzionari beamte oficialii "
                    "чиновники посадовці अधिकारियों مسؤولون عہدیداروں yetkililer pejabat-pejabat "
                    "dužnosnici".split(), "officials"),
    **dict.fromkeys("source fuente fonte sursa источник джерело सूत्र مصدر ذرائع kaynak forrás "
                    "sumber izvor".split(), "a source"),
    **dict.fromkeys("sources fuentes fonti surse источники джерела सूत्रों مصادر kaynaklar "
                    "források izvori".split(), "sources"),
    **dict.fromkeys("diplomat diplomático diplomate diplomatico дипломат राजनयिक دبلوماسي "
                    "diplomata".split(), "a diplomat"),
    **dict.fromkeys("media medios médias сми змі मीडिया وسائل mídia medya sajtó".split(), "the media"),
    **dict.fromkeys("faithful fidèles fedeli fieles fiéis gläubige верующие вірні श्रद्धालु".split(), "the faithful"),
    **dict.fromkeys("crowd foule folla multitud multidão menge толпа натовп भीड़".split(), "the crowd"),
    **dict.fromkeys("信友 信眾 信众 信徒".split(), "the faithful"),
    **dict.fromkeys("群眾 群众 人群 民眾 民众".split(), "the crowd"),
    **dict.fromkeys("supporters sostenitori partisans partidarios apoiadores anhänger сторонники "
                    "прихильники susținători".split(), "supporters"),
    **dict.fromkeys("critics critici critiques críticos kritiker критики".split(), "critics"),
    **dict.fromkeys("observers observadores observateurs osservatori наблюдатели experts "
                    "expertos experts analysts analistas analystes".split(), "observers"),
}
# Labels of many speakers at once (a crowd, the press, commentators): what they say is
# never one named person's statement.
COLLECTIVE = {"the faithful", "the crowd", "the media", "observers", "supporters", "critics"}
# Object pronouns after "according to" ("selon lui", "по его словам"): the last speaker.
_ACCORDING_PRONOUNS = set("""him her them lui elle eux ihm ihr ihnen él ella ellos lei loro ele ela
    его её ее их його її них dumnealui dumneaei acestuia""".split())
