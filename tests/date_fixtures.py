"""Invented articles for the date tests and bench/dates.py (every word written for them).

PUBLICATION: (id, lang, url, text, extra RawArticle fields, expected date, expected
date_source). The expected date is None where a careful reader would not say.
EVENT_TIME: (id, lang, publication date, text, expected day of the reported happening).
"""

from __future__ import annotations

BODY = ("The council approved the new water charges after a long debate, and the mayor "
        "said the first bills would go out next month.")
HARBOUR = ("Harbour workers walked out over pay, and the port authority said ferries to the "
           "islands would run to a reduced timetable until the talks resume.")

PUBLICATION: list[tuple[str, str, str | None, str, dict, str | None, str | None]] = [
    # --- the only date is in the URL, in all the common layouts ---
    ("url-slashes", "en", "https://news.example.com/2025/09/04/water-charges", f"Water charges approved\n\n{BODY}", {}, "2025-09-04", "url"),
    ("url-dashes", "en", "https://news.example.com/politics/2025-09-04/water-charges", f"Water charges approved\n\n{BODY}", {}, "2025-09-04", "url"),
    ("url-us-order", "en", "https://www.example.com/news/04/01/2024/water-charges", f"Water charges approved\n\n{BODY}", {}, "2024-04-01", "url"),
    ("url-in-order", "en", "https://www.example.in/news/04/01/2024/water-charges", f"Water charges approved\n\n{BODY}", {}, "2024-01-04", "url"),
    ("url-unambiguous", "en", "https://www.example.com/news/28/04/2025/water-charges", f"Water charges approved\n\n{BODY}", {}, "2025-04-28", "url"),
    ("url-slug-digits", "es", "https://www.example.mx/internacional/Tarifas-de-agua-aprobadas-20250506-0185.html",
     "Tarifas de agua aprobadas\n\nEl concejo aprobó las nuevas tarifas de agua tras un largo debate, y el alcalde dijo que las primeras facturas llegarán el próximo mes.", {}, "2025-05-06", "url"),
    ("url-id-prefix", "zh", "https://www.example.sg/realtime/world/story20250423-6229111",
     "港口工人罢工\n\n港口工人因薪资问题罢工，港务局表示前往各岛的渡轮将按缩减的时刻表运行，直到谈判恢复。", {}, "2025-04-23", "url"),
    ("url-time-stamp", "ko", "https://news.example.kr/view/20250421165624609",
     "항만 노동자 파업\n\n항만 노동자들이 임금 문제로 파업에 들어갔고 항만청은 협상이 재개될 때까지 섬으로 가는 여객선을 축소 운항한다고 밝혔다.", {}, "2025-04-21", "url"),
    ("url-year-month-day", "zh", "https://paper.example.cn/pc/content/202505/08/content_1234.html",
     "港口工人罢工\n\n港口工人因薪资问题罢工，港务局表示前往各岛的渡轮将按缩减的时刻表运行。", {}, "2025-05-08", "url"),
    ("url-query", "ar", "https://www.example.eg/news/view.aspx?cdate=26042025&id=77",
     "إضراب عمال الميناء\n\nأضرب عمال الميناء بسبب الأجور، وقالت هيئة الميناء إن العبارات إلى الجزر ستعمل وفق جدول مخفض حتى استئناف المحادثات.", {}, "2025-04-26", "url"),
    ("url-day-month-name", "ru", "https://www.example.ru/world/10may2025/port.html",
     "Забастовка в порту\n\nПортовые рабочие объявили забастовку из-за зарплаты, паромы на острова будут ходить по сокращённому расписанию.", {}, "2025-05-10", "url"),
    ("url-file-number", "en", "https://www.example.com/2025/04/26.html", f"Harbour strike\n\n{HARBOUR}", {}, "2025-04", "month"),
    ("url-future", "en", "https://news.example.com/2098/09/04/water-charges", f"Water charges approved\n\n{BODY}", {}, None, None),
    ("url-too-old", "en", "https://news.example.com/1985/09/04/water-charges", f"Water charges approved\n\n{BODY}", {}, None, None),
    # --- month-only headers and URLs: a month, made a day only by the text ---
    ("month-header", "en", None, f" date 2025-09 Water charges approved\n\n{BODY}", {}, "2025-09", "month"),
    ("month-url", "de", "https://www.example.de/nachrichten-2025-04/6522-wasser.htm",
     "Wassergebühren beschlossen\n\nDer Rat hat die neuen Wassergebühren nach langer Debatte beschlossen.", {}, "2025-04", "month"),
    ("month-header-weekday-day", "pt", None,
     " date 2025-04 O conselho aprovou, na manhã desta segunda-feira (21), as novas tarifas de água depois de um longo debate.\n\nO prefeito disse que as primeiras contas chegam no próximo mês.", {}, "2025-04-21", "text"),
    ("month-header-weekday-mismatch", "en", None,
     " date 2025-04 The council approved this Monday (22) the new water charges after a long debate.\n\nThe mayor said the first bills would go out next month.", {}, "2025-04", "month"),
    ("month-header-dateline", "de", None,
     " date 2024-11 Wassergebühren: Rat stimmt zu 06.11.2024, 22:31 Uhr\n\nDer Rat hat am Mittwochabend die neuen Wassergebühren beschlossen. Der Bürgermeister sagte, die ersten Rechnungen kämen im Dezember.", {}, "2024-11-06T22:31:00", "dateline"),
    ("month-header-relative", "fr", None,
     " date 2025-05 il y a 48 minutes\n\nGrève au port\n\nLes dockers ont cessé le travail pour les salaires ; les ferries vers les îles suivront un horaire réduit.", {}, "2025-05", "month"),
    # --- a wrong date header ---
    ("wrong-header", "en", None,
     " date 2025-09-25 BERLIN, 16 December 2024 (dpa) – The council approved the new water charges after a long debate.\n\nThe mayor said the first bills would go out next month.", {}, "2024-12-16", "text"),
    ("future-header", "en", None, f" date 2097-01-30 Water charges approved\n\n{BODY}", {}, None, None),
    # --- relative publication dates: a date only against a known time ---
    ("relative-given-crawled", "ro", None, "Greva din port\n\nDocherii au intrat în grevă pentru salarii, iar feriboturile spre insule circulă după un program redus.",
     {"date": "acum 3 ore", "crawled": "2025-05-10T12:00:00"}, "2025-05-10T09:00:00", "given"),
    ("relative-given-alone", "ro", None, "Greva din port\n\nDocherii au intrat în grevă pentru salarii, iar feriboturile spre insule circulă după un program redus.",
     {"date": "acum 3 ore"}, None, None),
    # --- datelines in every script ---
    ("cjk-dateline", "zh", None, "港口工人罢工\n\n2025年5月8日 14:30\n\n港口工人因薪资问题罢工，港务局表示前往各岛的渡轮将按缩减的时刻表运行，直到谈判恢复。", {}, "2025-05-08T14:30:00", "dateline"),
    ("korean-dateline", "ko", None, "항만 노동자 파업\n\n2025년 5월 8일\n\n항만 노동자들이 임금 문제로 파업에 들어갔고 항만청은 협상이 재개될 때까지 여객선을 축소 운항한다고 밝혔다.", {}, "2025-05-08", "dateline"),
    ("arabic-digits", "ar", None, "إضراب عمال الميناء\n\n٨ مايو ٢٠٢٥\n\nأضرب عمال الميناء بسبب الأجور، وقالت هيئة الميناء إن العبارات إلى الجزر ستعمل وفق جدول مخفض.", {}, "2025-05-08", "dateline"),
    ("levantine-month", "ar", None, "إضراب عمال الميناء\n\n8 أيار 2025\n\nأضرب عمال الميناء بسبب الأجور، وقالت هيئة الميناء إن العبارات إلى الجزر ستعمل وفق جدول مخفض.", {}, "2025-05-08", "dateline"),
    ("persian-solar", "fa", None, "اعتصاب کارگران بندر\n\n۱۸ اردیبهشت ۱۴۰۴\n\nکارگران بندر به دلیل دستمزد دست از کار کشیدند و سازمان بندر گفت کشتی‌ها با برنامه کاهش‌یافته حرکت می‌کنند.", {}, "2025-05-08", "dateline"),
    ("devanagari", "hi", None, "बंदरगाह पर हड़ताल\n\n८ मई २०२५\n\nबंदरगाह कर्मचारियों ने वेतन को लेकर हड़ताल की और प्राधिकरण ने कहा कि नौकाएं घटे हुए समय पर चलेंगी।", {}, "2025-05-08", "dateline"),
    ("bengali", "bn", None, "বন্দরে ধর্মঘট\n\n৮ মে ২০২৫\n\nবন্দর শ্রমিকরা বেতনের দাবিতে ধর্মঘট করেছেন এবং কর্তৃপক্ষ জানিয়েছে ফেরি কম সময়সূচিতে চলবে।", {}, "2025-05-08", "dateline"),
    ("thai-buddhist-era", "th", None, "วันนี้ (8 พ.ค.2568) คนงานท่าเรือหยุดงานเรื่องค่าจ้าง การท่าเรือแจ้งว่าเรือข้ามฟากไปยังเกาะจะเดินเรือตามตารางที่ลดลงจนกว่าการเจรจาจะกลับมา", {}, "2025-05-08", "text"),
    ("ukrainian-genitive", "uk", None, "Страйк у порту\n\n8 травня 2025\n\nПортові робітники оголосили страйк через зарплату, пороми на острови ходитимуть за скороченим розкладом.", {}, "2025-05-08", "dateline"),
    ("greek", "el", None, "Απεργία στο λιμάνι\n\n8 Μαΐου 2025\n\nΟι λιμενεργάτες απήργησαν για τους μισθούς και τα πλοία προς τα νησιά θα εκτελούν μειωμένα δρομολόγια.", {}, "2025-05-08", "dateline"),
    ("today-yearless-no-context", "ru", None, "Сегодня, 8 мая, портовые рабочие объявили забастовку из-за зарплаты, паромы на острова будут ходить по сокращённому расписанию.", {}, None, None),
    ("today-yearless-crawled", "ru", None, "Сегодня, 8 мая, портовые рабочие объявили забастовку из-за зарплаты, паромы на острова будут ходить по сокращённому расписанию.", {"crawled": "2025-05-09T07:00:00"}, "2025-05-08", "text"),
    ("today-yearless-crawled-late", "ru", None, "Сегодня, 8 мая, портовые рабочие объявили забастовку из-за зарплаты, паромы на острова будут ходить по сокращённому расписанию.", {"crawled": "2025-11-20T07:00:00"}, None, None),
    # --- time zones: the local day stays the day ---
    ("ist-after-midnight", "en", None, "Harbour strike\n\nUpdated: May 7, 2025 00:30 IST\n\n" + HARBOUR, {}, "2025-05-07T00:30:00+05:30", "dateline"),
    ("weekday-disagrees", "it", None, "Sciopero al porto\n\nmartedì 21 aprile 2025\n\nI portuali hanno scioperato per i salari e i traghetti per le isole seguiranno un orario ridotto.", {}, None, None),
    ("this-morning", "it", None, "Sciopero al porto\n\nQuesta mattina, lunedì 21 aprile 2025, i portuali hanno incrociato le braccia per i salari, e i traghetti per le isole seguiranno un orario ridotto.", {}, "2025-04-21", "text"),
    # --- a photo caption opening with a date is the photo's day, not the article's ---
    ("caption-date", "zh", None, "港口工人罢工\n\n2025年5月3日,港口工人在码头集会,要求提高工资并改善工作条件,港务局官员在现场与工会代表会面,双方同意下周继续谈判,渡轮服务暂时按缩减的时刻表运行,乘客被要求提前查询班次,以免在码头长时间等候。\n\n港务局表示，前往各岛的渡轮将按缩减的时刻表运行，直到谈判恢复。", {}, None, None),
    # --- a date deep in the text is a mention, not the publication date ---
    ("recap-in-text", "fr", None, "Grève au port\n\nLes dockers ont cessé le travail pour les salaires ; les ferries vers les îles suivront un horaire réduit. Le syndicat réclame une hausse des salaires depuis le printemps. La dernière grève, le 3 mars 2024, avait duré une semaine entière et coûté cher au port.", {}, None, None),
]

EVENT_TIME: list[tuple[str, str, str, str, str | None]] = [
    ("en-weekday", "en", "2025-05-09", "Dockers walked out on Wednesday over pay.", "2025-05-07"),
    ("ro-weekday", "ro", "2025-05-09", "Docherii au intrat miercuri în grevă pentru salarii.", "2025-05-07"),
    ("de-days-ago", "de", "2025-05-10", "Die Hafenarbeiter traten vor 2 Tagen in den Streik.", "2025-05-08"),
    ("ro-hours-ago", "ro", "2025-05-10T02:00:00", "Docherii au intrat în grevă acum 3 ore, anunță sindicatul.", "2025-05-09"),
    ("hi-days-ago", "hi", "2025-05-10", "बंदरगाह कर्मचारियों ने 3 दिन पहले हड़ताल शुरू की।", "2025-05-07"),
    ("es-days-ago", "es", "2025-05-10", "Los estibadores iniciaron la huelga hace 2 días.", "2025-05-08"),
    ("zh-yesterday", "zh", "2025-05-10", "港口工人昨天开始罢工。", "2025-05-09"),
    ("ja-yesterday", "ja", "2025-05-10", "港湾労働者は昨日ストライキに入った。", "2025-05-09"),
    ("ar-yesterday", "ar", "2025-05-10", "أضرب عمال الميناء أمس بسبب الأجور.", "2025-05-09"),
    ("de-gestern", "de", "2025-05-10", "Die Hafenarbeiter streikten gestern.", "2025-05-09"),
    ("pt-weekday-day", "pt", "2025-04-22", "Os estivadores entraram em greve nesta segunda-feira (21).", "2025-04-21"),
    ("zh-weekday", "zh", "2025-04-24", "港口工人星期三(4月23日)开始罢工。", "2025-04-23"),
    ("month-only-pub", "es", "2025-04", "Los estibadores iniciaron la huelga el lunes 21 de abril.", "2025-04-21"),
    ("undated-weekday", "en", "", "Dockers walked out on Wednesday over pay.", None),
    ("zh-day-only", "zh", "2025-05-08", "港口工人6日开始罢工，渡轮按缩减的时刻表运行。", "2025-05-06"),
    ("ko-day-only", "ko", "2025-04-22", "항만 노동자들이 21일(현지시간) 파업에 들어갔다.", "2025-04-21"),
    ("ja-duration-not-a-day", "ja", "2025-05-10", "ストライキは3日間続いた。", "2025-05-10"),
    ("es-this-wednesday-next-day", "es", "2025-05-06", "Los estibadores iniciaron este miércoles la huelga.", "2025-05-07"),
    ("undated-birth-date", "en", "", "The new harbour master, born on 14 September 1955, took office as the 2025 season began.", None),
    ("recap-older", "en", "2025-05-09", "The strike recalls the walkout of 3 March 2024, which lasted a week.", "2025-05-09"),
]
