"""Short invented articles for the story tests (every word written for them).

Each fixture is (id, lang, date, title, text, gold story). One developing story over a
week (a mine explosion, the rescue, the director charged: three happenings), and the same
people five months later (the director's trial), first reported by an article with no day.
"""

from __future__ import annotations

MINE_STORY = [
    ("mine-1en", "en", "2027-05-03", "Explosion traps 31 miners at Sieniawa coal mine",
     "A methane explosion tore through the Sieniawa coal mine near Rybnik in southern Poland "
     "on Monday, trapping 31 miners 900 metres underground, the operator Karbo-Silesia said. "
     "Rescue teams led by Marek Wisniak were lowered into the shaft.", "mine"),
    ("mine-1pl", "pl", "2027-05-03", "Wybuch w kopalni Sieniawa, 31 górników pod ziemią",
     "W poniedziałek w kopalni Sieniawa koło Rybnika doszło do wybuchu metanu. Pod ziemią, na "
     "głębokości 900 metrów, zostało 31 górników, poinformowała spółka Karbo-Silesia. Akcją "
     "ratunkową kieruje Marek Wiśniak.", "mine"),
    ("mine-1de", "de", "2027-05-04", "Grubenunglück in Polen: 31 Bergleute eingeschlossen",
     "Nach einer Methanexplosion in der Kohlegrube Sieniawa bei Rybnik sind 31 Bergleute in "
     "900 Metern Tiefe eingeschlossen. Die Betreiberfirma Karbo-Silesia und Rettungsleiter "
     "Marek Wisniak sprachen von einer schwierigen Lage.", "mine"),
    ("mine-2en", "en", "2027-05-06", "Rescuers bring 24 Sieniawa miners out alive, seven dead",
     "Rescuers at the Sieniawa mine near Rybnik brought 24 miners to the surface alive on "
     "Thursday after three days underground; seven of their colleagues were found dead, rescue "
     "chief Marek Wisniak said. Karbo-Silesia declared three days of mourning.", "mine"),
    ("mine-2fr", "fr", "2027-05-06", "Pologne : 24 mineurs de Sieniawa sauvés, sept morts",
     "Les sauveteurs de la mine de Sieniawa, près de Rybnik, ont remonté jeudi 24 mineurs "
     "vivants après trois jours sous terre. Sept autres ont été retrouvés morts, a indiqué le "
     "chef des secours Marek Wisniak. Karbo-Silesia a décrété trois jours de deuil.", "mine"),
    ("mine-2pl", "pl", "2027-05-06", "Uratowano 24 górników z kopalni Sieniawa, siedmiu nie żyje",
     "Ratownicy wydobyli w czwartek na powierzchnię 24 żywych górników z kopalni Sieniawa. "
     "Siedmiu zginęło, przekazał kierujący akcją Marek Wiśniak. Karbo-Silesia ogłosiła "
     "trzy dni żałoby.", "mine"),
    ("mine-3en", "en", "2027-05-10", "Sieniawa mine director charged over fatal explosion",
     "Prosecutors in Katowice on Monday charged Tomasz Kubiak, director of the Sieniawa "
     "mine run by Karbo-Silesia, with negligence over the methane explosion that killed seven "
     "miners last week, saying gas sensors had been switched off.", "mine"),
    ("mine-3de", "de", "2027-05-10", "Anklage gegen Direktor der Grube Sieniawa",
     "Die Staatsanwaltschaft Kattowitz hat Tomasz Kubiak, den Direktor der Grube Sieniawa "
     "von Karbo-Silesia, wegen Fahrlässigkeit angeklagt. Bei der Methanexplosion in der "
     "vergangenen Woche waren sieben Bergleute gestorben; Gassensoren waren abgeschaltet.", "mine"),
]
# The same people five months later: the director's trial opens. Its first report carries
# no day, only its month (a month-only header); the later ones are dated.
MINE_TRIAL = [
    ("trial-fr", "fr", "2027-10", "Tomasz Kubiak devant ses juges à Katowice",
     "Le procès de Tomasz Kubiak s'est ouvert devant le tribunal de Katowice. Le directeur "
     "de Sieniawa plaide non coupable ; douze témoins et deux experts seront entendus, et le "
     "verdict est attendu dans plusieurs semaines.", "trial"),
    ("trial-en", "en", "2027-10-12", "Trial of Sieniawa mine director opens in Katowice",
     "The trial of Tomasz Kubiak, director of the Sieniawa mine run by Karbo-Silesia, opened "
     "in Katowice on Tuesday. He denies negligence over the methane explosion that killed "
     "seven miners in May; the court heard that gas sensors had been switched off.", "trial"),
    ("trial-pl", "pl", "2027-10-12", "Ruszył proces dyrektora kopalni Sieniawa",
     "W Katowicach rozpoczął się we wtorek proces Tomasza Kubiaka, dyrektora kopalni Sieniawa "
     "należącej do Karbo-Silesia. Oskarżony o zaniedbania przy majowym wybuchu metanu, w "
     "którym zginęło siedmiu górników, nie przyznaje się do winy.", "trial"),
    ("trial-de", "de", "2027-10-13", "Prozess gegen Grubendirektor Kubiak begonnen",
     "In Kattowitz hat der Prozess gegen Tomasz Kubiak begonnen, den Direktor der Grube "
     "Sieniawa von Karbo-Silesia. Ihm wird Fahrlässigkeit bei der Methanexplosion im Mai "
     "vorgeworfen, bei der sieben Bergleute starben. Er weist die Vorwürfe zurück.", "trial"),
]
