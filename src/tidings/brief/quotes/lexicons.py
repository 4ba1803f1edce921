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
}

# --- verbs of saying, per language ------------------------------------------------------
# "subject" verbs take their speaker before them ("Ushakov said"), and may also take it
# right after in the inverted order ("…, said Ushakov"). Forms with a space must match
# whole phrases. Each list is a regex alternation of word forms.
_VERBS = {
    "en": r"(?:has |have |had |also |later |then |further )?(?:said|says|say|told|tells|stated|states|added|adds|announced|declared|noted|mentioned|remarked|warned|insisted|claimed|explained|stressed|emphasi[sz]ed|pledged|promised|argued|asserted|confirmed|revealed|wrote|reiterated|acknowledged|vowed|assured|suggested|saying|adding|warning|insisting|called|calling|described)",
    "ro": r"(?:a |au |va |(?:a|au) mai )(?:spus|declarat|afirmat|adăugat|precizat|subliniat|anunțat|anuntat|menționat|mentionat|transmis|amintit|explicat|arătat|aratat|susținut|sustinut|avertizat|insistat|confirmat|dezvăluit|scris|promis|asigurat|garantat)|spune|declară|afirmă|susține|subliniază|anunță|precizează|adaugă|transmite|spunând|declarând|afirmând|adăugând|menționând|subliniind|precizând|(?:a|au) numit|(?:a|au) calificat|(?:a|au) descris",
    "hi": r"ने\s+(?:\S+\s+){0,5}?(?:कहा|बताया|बयान|दावा|घोषणा|स्पष्ट|आरोप|जोर)|का\s+कहना\s+(?:है|था)",
    "ru": r"(?:заявил|заявила|заявили|сказал|сказала|сказали|сообщил|сообщила|сообщили|отметил|отметила|отметили|добавил|добавила|подчеркнул|подчеркнула|пояснил|пояснила|заверил|заверила|предупредил|признал|пообещал|пообещала|говорит|заявляет|заявив|отметив|подчеркнув|добавив|назвал|назвала|назвали|называет)",
    "uk": r"(?:заявив|заявила|заявили|сказав|сказала|сказали|повідомив|повідомила|зазначив|зазначила|додав|додала|наголосив|наголосила|підкреслив|пояснив|запевнив|пообіцяв|каже|назвав|назвала|назвали)",
    "de": r"(?:sagte|sagten|sagt|erklärte|erklärt|betonte|betont|teilte mit|fügte hinzu|warnte|versicherte|bekräftigte|kündigte an|räumte ein|schrieb|meinte|sagt|nannte|nannten|bezeichnete)",
    "fr": r"(?:a |ont )?(?:déclaré|dit|affirmé|ajouté|souligné|indiqué|assuré|expliqué|annoncé|estimé|précisé|promis|garanti|averti)|déclare|affirme|estime|assure|souligne|explique|affirmant|déclarant|estimant|expliquant|ajoutant|(?:a |ont )?qualifié|(?:a |ont )?dénoncé",
    "it": r"(?:ha |hanno |aveva )?(?:detto|dichiarato|affermato|aggiunto|spiegato|sottolineato|annunciato|scritto|precisato|ribadito|assicurato)|dice|afferma|dichiara|spiega|sottolinea",
    "pt": r"(?:disse|afirmou|declarou|acrescentou|explicou|anunciou|escreveu|destacou|garantiu|sublinhou|afirma|diz|declara)",
    "pl": r"(?:powiedział|powiedziała|oświadczył|oświadczyła|dodał|dodała|stwierdził|stwierdziła|napisał|napisała|podkreślił|podkreśliła|zapowiedział|mówi)",
    "es": r"(?:dijo|dice|afirmó|declaró|señaló|añadió|aseguró|explicó|indicó|sostuvo|advirtió|manifestó|subrayó|prometió|garantizó|anunció|diciendo|afirmando|asegurando|añadiendo|calificó|llamó|tildó)",
}
# Conjunctions opening the reported clause.
_THAT = {
    "en": r"that", "ro": r"că|ca", "hi": r"कि", "ru": r"что", "uk": r"що",
    "de": r"dass|daß", "fr": r"que|qu['’]", "es": r"que", "it": r"che", "pt": r"que", "pl": r"że",
}
# "according to X" forms: the speaker follows (or precedes, in Hindi).
_ACCORDING = {
    "en": r"according to", "ro": r"potrivit lui|potrivit|conform lui|citat de",
    "ru": r"по словам", "uk": r"за словами", "de": r"laut|so", "fr": r"selon",
    "es": r"según", "it": r"secondo", "pt": r"segundo|de acordo com", "pl": r"według",
}
_INVERTED_PRONOUNS = set(
    """he she el ea acesta aceasta oficialul er sie il elle él ella он она він вона""".split()
)
_PRONOUNS = set(
    """he she they
    el ea ei ele acesta aceasta oficialul
    उन्होंने उसने वह वे इन्होंने
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
