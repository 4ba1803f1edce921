"""Short invented news articles for the clustering tests (every word written for them).

Each fixture is (id, lang, date, title, text, gold event). The traps: the same actors at a
different happening (five months apart; the next round of talks ten days later; another
happening the same day), and one happening told in four languages and three scripts.
"""

from __future__ import annotations

from tidings.records import Article


def article(id, lang, date, title, text, source=None) -> Article:
    body = f"{title}\n\n{text}"
    return Article(id=id, origin=f"fixture/{id}", title=title, text=body, raw=body,
                   content_hash=id, lang=lang, date=date, source=source or f"outlet-{lang}")


# --- same actors, five months apart ---------------------------------------------------
INVITE_SEPT = [
    ("sep-en", "en", "2025-09-04", "Putin says he is ready to receive Zelensky in Moscow",
     "Russian President Vladimir Putin said on Wednesday he was ready to meet Ukrainian "
     "President Volodymyr Zelensky, but only in Moscow. Speaking at an economic forum in "
     "Vladivostok, Putin said the Kremlin had never ruled out a meeting. Kyiv rejected the "
     "offer, saying the Russian capital was not a place for talks.", "sept"),
    ("sep-de", "de", "2025-09-04", "Putin lädt Selenskyj nach Moskau ein",
     "Kremlchef Wladimir Putin hat sich am Mittwoch zu einem Treffen mit dem ukrainischen "
     "Präsidenten Wolodymyr Selenskyj bereit erklärt, allerdings nur in Moskau. Auf einem "
     "Wirtschaftsforum in Wladiwostok sagte Putin, er habe ein Treffen nie ausgeschlossen. "
     "Kiew wies das Angebot zurück.", "sept"),
    ("sep-ru", "ru", "2025-09-03", "Путин готов принять Зеленского в Москве",
     "Президент России Владимир Путин в среду заявил, что готов встретиться с Владимиром "
     "Зеленским, но только в Москве. Выступая на экономическом форуме во Владивостоке, Путин "
     "сказал, что Кремль никогда не исключал такой встречи.", "sept"),
]
INVITE_FEB = [
    ("feb-en", "en", "2026-02-11", "Kremlin says Zelensky invitation to Moscow still stands",
     "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia's invitation for Ukrainian "
     "President Volodymyr Zelensky to come to Moscow for talks with Vladimir Putin still "
     "stands. Peskov said Moscow had not received an answer. Ukraine's foreign minister "
     "Andrii Sybiha said Moscow was not a neutral venue.", "feb"),
    ("feb-ro", "ro", "2026-02-10", "Kremlinul: invitația pentru Zelenski la Moscova rămâne valabilă",
     "Purtătorul de cuvânt al Kremlinului, Dmitri Peskov, a declarat marți că invitația "
     "adresată lui Volodimir Zelenski de a veni la Moscova pentru discuții cu Vladimir Putin "
     "rămâne valabilă. Peskov a spus că Moscova nu a primit încă un răspuns de la Kiev.", "feb"),
    ("feb-hi", "hi", "2026-02-11", "क्रेमलिन ने कहा, जेलेंस्की को मॉस्को का न्योता अब भी कायम",
     "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव ने मंगलवार को कहा कि यूक्रेन के राष्ट्रपति वलोडिमिर "
     "जेलेंस्की को पुतिन से बातचीत के लिए मॉस्को आने का न्योता अब भी कायम है। पेस्कोव ने कहा कि "
     "मॉस्को को अभी तक कीव से कोई जवाब नहीं मिला है।", "feb"),
]
# Another happening the same day, same country, some of the same names.
STRIKE_FEB = [
    ("strike-en", "en", "2026-02-10", "Russian drone strike on Odesa port kills four",
     "Four people were killed and eleven wounded when Russian drones hit the port of Odesa "
     "overnight into Tuesday, regional governor Oleh Kiper said. President Volodymyr Zelensky "
     "said 84 drones had been launched against southern Ukraine and called for more air "
     "defence systems.", "strike"),
    ("strike-ru", "ru", "2026-02-10", "Удар беспилотников по порту Одессы: четыре погибших",
     "В результате ночной атаки беспилотников на порт Одессы погибли четыре человека, еще "
     "одиннадцать ранены, сообщил глава области Олег Кипер. По словам Зеленского, по югу "
     "Украины были выпущены 84 беспилотника.", "strike"),
]

# --- consecutive rounds of talks, ten days apart --------------------------------------
ROUND1 = [
    ("r1-en", "en", "2025-06-03", "First round of Geneva talks ends with deal on 250-for-250 prisoner swap",
     "Russian and Ukrainian delegations led by Vladimir Medinsky and Rustem Umerov met for "
     "two hours in Geneva on Tuesday and agreed to exchange 250 prisoners each, Swiss "
     "foreign minister Ignazio Cassis said. No date was set for a ceasefire.", "r1"),
    ("r1-fr", "fr", "2025-06-03", "Genève : premier round de négociations et échange de 250 prisonniers",
     "Les délégations russe et ukrainienne, menées par Vladimir Medinski et Roustem Oumerov, "
     "se sont accordées mardi à Genève sur un échange de 250 prisonniers de chaque côté, a "
     "annoncé le ministre suisse des Affaires étrangères Ignazio Cassis.", "r1"),
    ("r1-uk", "uk", "2025-06-04", "У Женеві завершився перший раунд переговорів",
     "Делегації України та Росії на чолі з Рустемом Умєровим і Володимиром Мединським у "
     "вівторок у Женеві домовилися про обмін 250 полоненими з кожного боку.", "r1"),
]
ROUND2 = [
    ("r2-en", "en", "2025-06-13", "Second Geneva round: Russia and Ukraine agree on Kherson humanitarian corridor",
     "Ten days after their first meeting, the delegations of Vladimir Medinsky and Rustem "
     "Umerov met again in Geneva on Friday and agreed to open a humanitarian corridor from "
     "Kherson for 30 days, Swiss foreign minister Ignazio Cassis said.", "r2"),
    ("r2-de", "de", "2025-06-13", "Zweite Genfer Runde: Korridor für Cherson vereinbart",
     "Zehn Tage nach dem ersten Treffen haben die Delegationen unter Wladimir Medinski und "
     "Rustem Umjerow am Freitag in Genf einen humanitären Korridor aus Cherson für 30 Tage "
     "vereinbart, teilte der Schweizer Außenminister Ignazio Cassis mit.", "r2"),
    ("r2-es", "es", "2025-06-14", "Segunda ronda en Ginebra: corredor humanitario para Jersón",
     "Diez días después de su primer encuentro, las delegaciones de Vladímir Medinski y "
     "Rustem Umérov acordaron el viernes en Ginebra abrir un corredor humanitario desde "
     "Jersón durante 30 días, según el ministro suizo de Exteriores, Ignazio Cassis.", "r2"),
]

# --- one happening in four languages and three scripts ------------------------------
QUAKE = [
    ("quake-en", "en", "2025-11-17", "Magnitude 6.1 earthquake strikes off Crete, felt in Athens",
     "A magnitude 6.1 earthquake struck off the southern coast of Crete early on Monday, the "
     "Athens Geodynamic Institute said. The quake, 62 km deep, was felt in Heraklion and "
     "Athens. Minor damage was reported in the village of Ierapetra; nobody was hurt.", "quake"),
    ("quake-de", "de", "2025-11-17", "Erdbeben der Stärke 6,1 vor Kreta",
     "Ein Erdbeben der Stärke 6,1 hat am Montagmorgen die Südküste Kretas erschüttert, "
     "teilte das Geodynamische Institut in Athen mit. Das Beben in 62 Kilometern Tiefe war "
     "in Heraklion und Athen zu spüren. In Ierapetra gab es leichte Schäden.", "quake"),
    ("quake-ru", "ru", "2025-11-17", "У берегов Крита произошло землетрясение магнитудой 6,1",
     "Землетрясение магнитудой 6,1 произошло в понедельник у южного побережья Крита, сообщил "
     "Геодинамический институт Афин. Толчки на глубине 62 км ощущались в Ираклионе и Афинах.", "quake"),
    ("quake-hi", "hi", "2025-11-17", "क्रीट के पास 6.1 तीव्रता का भूकंप, एथेंस तक महसूस हुए झटके",
     "यूनान के क्रीट द्वीप के दक्षिणी तट के पास सोमवार सुबह 6.1 तीव्रता का भूकंप आया। एथेंस के "
     "भू-गतिकी संस्थान ने बताया कि 62 किलोमीटर की गहराई वाले इस भूकंप के झटके हेराक्लिओन और "
     "एथेंस तक महसूस किए गए।", "quake"),
]
# Same day, same country, a different happening.
GREEK_VOTE = [
    ("vote-en", "en", "2025-11-17", "Greek parliament approves 2026 budget after heated debate",
     "Greece's parliament approved the 2026 budget late on Monday by 158 votes to 142 after "
     "a three-day debate. Prime Minister Kyriakos Mitsotakis said the budget would cut taxes "
     "for families; the opposition called it unfair.", "vote"),
    ("vote-de", "de", "2025-11-17", "Griechisches Parlament billigt Haushalt 2026",
     "Das griechische Parlament hat am Montagabend den Haushalt für 2026 mit 158 zu 142 "
     "Stimmen gebilligt. Regierungschef Kyriakos Mitsotakis versprach Steuersenkungen für "
     "Familien.", "vote"),
]


def articles(*groups) -> tuple[list[Article], dict[str, str]]:
    arts, gold = [], {}
    for group in groups:
        for id, lang, date, title, text, event in group:
            arts.append(article(id, lang, date, title, text))
            gold[id] = event
    return arts, gold


# --- traps of real news (issue 8), written for these tests ------------------------------
# Two unrelated happenings in the same week: nothing in common but the dates.
SPEAKER_WEEK = [
    ("spk-en", "en", "2027-03-02", "Portugal's parliament elects Ana Ribeiro as its new speaker",
     "Portugal's parliament on Tuesday elected Ana Ribeiro of the Social Democrats as its "
     "speaker, with 131 votes out of 230, after two inconclusive rounds. Ribeiro, 58, a former "
     "mayor of Coimbra, promised to reform question time.", "speaker"),
    ("spk-es", "es", "2027-03-02", "El Parlamento portugués elige a Ana Ribeiro como presidenta",
     "La Asamblea de la República de Portugal eligió este martes a la socialdemócrata Ana "
     "Ribeiro como presidenta de la cámara, con 131 votos de 230, tras dos votaciones "
     "fallidas. Ribeiro, exalcaldesa de Coímbra, prometió reformar las sesiones de control.", "speaker"),
    ("spk-de", "de", "2027-03-03", "Ana Ribeiro ist neue Parlamentspräsidentin in Portugal",
     "Das portugiesische Parlament hat am Dienstag die Sozialdemokratin Ana Ribeiro mit 131 "
     "von 230 Stimmen zur Präsidentin gewählt. Die frühere Bürgermeisterin von Coimbra "
     "setzte sich im dritten Wahlgang durch.", "speaker"),
]
STORM_WEEK = [
    ("storm-en", "en", "2027-03-04", "Storm kills 12 in southern Chile, thousands without power",
     "A powerful storm swept across southern Chile on Thursday, killing at least 12 people in "
     "the Los Lagos and Aysén regions and leaving 40,000 homes without electricity, the "
     "disaster agency Senapred said. Puerto Montt recorded winds of 120 km/h.", "storm"),
    ("storm-es", "es", "2027-03-04", "Temporal deja 12 muertos en el sur de Chile",
     "Un fuerte temporal azotó este jueves el sur de Chile y dejó al menos 12 muertos en las "
     "regiones de Los Lagos y Aysén, además de 40.000 hogares sin luz, informó Senapred. En "
     "Puerto Montt se registraron ráfagas de 120 km/h.", "storm"),
    ("storm-fr", "fr", "2027-03-05", "Chili : une tempête fait 12 morts dans le sud du pays",
     "Une violente tempête a frappé jeudi le sud du Chili, faisant au moins 12 morts dans les "
     "régions de Los Lagos et d'Aysén et privant 40 000 foyers d'électricité, selon l'agence "
     "Senapred. Des rafales de 120 km/h ont été mesurées à Puerto Montt.", "storm"),
]
# One happening reported over three days, the toll rising.
FERRY_DAYS = [
    ("ferry-1", "en", "2027-06-10", "Ferry capsizes on Lake Kivu, four dead and dozens missing",
     "A passenger ferry carrying about 90 people capsized on Lake Kivu near the Congolese town "
     "of Kalehe on Tuesday evening. Four bodies were recovered and dozens are missing, the "
     "provincial governor said.", "ferry"),
    ("ferry-2", "fr", "2027-06-11", "Naufrage sur le lac Kivu : le bilan s'alourdit à 23 morts",
     "Le bilan du naufrage d'un bateau de passagers survenu mardi soir sur le lac Kivu, près "
     "de Kalehe, est passé à 23 morts, a annoncé mercredi le gouverneur de la province. Les "
     "recherches se poursuivent pour retrouver des dizaines de disparus.", "ferry"),
    ("ferry-3", "en", "2027-06-12", "Lake Kivu ferry disaster: toll reaches 41 as search ends",
     "Rescuers ended their search on Thursday for survivors of the ferry that capsized on Lake "
     "Kivu near Kalehe on Tuesday, with 41 people confirmed dead and 37 rescued, the governor "
     "of South Kivu said. The vessel was overloaded, officials said.", "ferry"),
]
# A recap of an older happening inside a newer report.
DAM_COLLAPSE = [
    ("dam-en", "en", "2027-05-02", "Dam collapse floods villages in Thessaly, 9 dead",
     "The Mavrolongos dam in central Greece collapsed before dawn on Sunday, sending a wall of "
     "water through three villages near Karditsa. Nine people died and 300 were evacuated, the "
     "civil protection ministry said.", "dam"),
    ("dam-de", "de", "2027-05-02", "Dammbruch in Thessalien: neun Tote",
     "In Mittelgriechenland ist am Sonntagmorgen der Mavrolongos-Staudamm gebrochen. Eine "
     "Flutwelle erfasste drei Dörfer bei Karditsa; neun Menschen kamen ums Leben, 300 wurden "
     "in Sicherheit gebracht, teilte der Zivilschutz mit.", "dam"),
]
DAM_INQUIRY = [
    ("inq-en", "en", "2027-06-21", "Inquiry blames missed inspections for Mavrolongos dam failure",
     "A parliamentary inquiry published on Monday found that inspections of the Mavrolongos "
     "dam had been skipped for six years and recommended charges against two officials. The "
     "dam collapsed on 2 May, flooding three villages near Karditsa and killing nine people.", "inquiry"),
    ("inq-fr", "fr", "2027-06-21", "Grèce : l'enquête sur la rupture du barrage accuse l'absence d'inspections",
     "Une commission d'enquête parlementaire a conclu lundi que le barrage de Mavrolongos "
     "n'avait pas été inspecté depuis six ans et a recommandé des poursuites contre deux "
     "responsables. La rupture du barrage, le 2 mai, avait fait neuf morts près de Karditsa.", "inquiry"),
]
