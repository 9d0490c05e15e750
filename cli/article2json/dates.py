"""Date lines: a line that is a date and nothing else ("March 3, 2024",
"Updated 3 hours ago", "Пятница, 3 марта 2024 г.", "2024年3月3日"), as sites
print above a headline. The words are data, one string per language; adding
a language is a change here only. Imported only for a short line with a
digit (a one-liner's start-up counts).
"""

from __future__ import annotations

# A date line is at most this many characters.
DATE_CHARS = 60

# Names that make a line of digits a date (months, weekdays, "ago", CJK
# units), and words that may stand between them; lower case, one string of
# words per language.
DATE_NAMES: dict[str, str] = {
    "en": "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday "
    "thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ago",
    "de": "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember mär okt dez montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "janv févr avr juil déc lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre ene dic lunes martes miércoles jueves viernes sábado domingo hace",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro segunda terça quarta quinta sexta sábado domingo há",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
    "december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag geleden",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь янв фев "
    "мар апр июн июл авг сен сент окт ноя дек понедельник вторник среда среду четверг "
    "пятница пятницу суббота субботу воскресенье назад",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня січень лютий березень квітень травень червень липень серпень вересень жовтень "
    "листопад грудень понеділок вівторок середа четвер субота неділя тому",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември "
    "понеделник вторник сряда четвъртък петък събота неделя",
    "sr": "јануар фебруар март април мај јун јул август септембар октобар новембар децембар "
    "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра "
    "понедељак уторак среда четвртак петак субота недеља",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień "
    "październik listopad grudzień poniedziałek wtorek środa czwartek piątek sobota "
    "niedziela temu",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık pazartesi "
    "salı çarşamba perşembe cuma cumartesi pazar önce",
    "el": "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου "
    "σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου δευτέρα τρίτη τετάρτη πέμπτη παρασκευή "
    "σάββατο κυριακή",
    "ar": "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر "
    "نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الاثنين الإثنين "
    "الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد منذ",
    "he": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר לפני",
    "hi": "जनवरी फ़रवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर "
    "नवंबर नवम्बर दिसंबर दिसम्बर सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार "
    "रविवार पहले",
    "mr": "जानेवारी फेब्रुवारी एप्रिल मे जुलै ऑगस्ट सप्टेंबर ऑक्टोबर नोव्हेंबर डिसेंबर",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর "
    "ডিসেম্বর সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার",
    "vi": "tháng ngày năm thứ",
    "zh": "年 月 日 号 號 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 周一 周二 周三 "
    "周四 周五 周六 周日 前",
    "ja": "月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 火 水 木 金 土",
    "ko": "년 월 일 월요일 화요일 수요일 목요일 금요일 토요일 일요일 전",
}
DATE_LINKS: dict[str, str] = {
    "en": "updated last published posted modified on at the of am pm gmt utc bst est edt pst "
    "pdt cet cest ist jst kst aest st nd rd th hours hour hrs hr minutes minute mins min days "
    "day weeks week",
    "de": "aktualisiert veröffentlicht stand am um uhr vor stunden stunde minuten tagen",
    "fr": "le à h mis jour publié il y a heures heure minutes jours",
    "es": "de del actualizado publicado a las horas hora minutos días",
    "it": "il aggiornato pubblicato ore alle fa minuti giorni",
    "pt": "de atualizado publicado às horas minutos dias feira",
    "nl": "bijgewerkt gepubliceerd op om uur minuten dagen",
    "ru": "г года год обновлено опубликовано в часа часов час минут минуты дня дней",
    "uk": "р року оновлено опубліковано о годин години хвилин",
    "bg": "г година",
    "pl": "r roku zaktualizowano opublikowano godz godzin minut",
    "tr": "güncellendi yayınlandı saat dakika gün",
    "ar": "نشر تحديث في آخر يوم ساعة ساعات دقيقة دقائق صباحا مساء م هـ",
    "he": "פורסם עודכן יום שעות שעה דקות",
    "hi": "अपडेटेड अपडेट प्रकाशित को बजे घंटे मिनट",
    "bn": "প্রকাশিত আপডেট",
    "vi": "cập nhật lúc giờ sáng chiều",
    "zh": "时 時 分 秒 上午 下午 更新 发布 發佈 发表 發表 于 於 小时 小時 分钟 分鐘",
    "ja": "時 分 公開 更新 午前 午後",
    "ko": "시 분 오전 오후 입력 수정 업데이트 등록",
}


def _words(table: dict[str, str]) -> frozenset[str]:
    return frozenset(w for words in table.values() for w in words.split())


NAMES = _words(DATE_NAMES)
WORDS = NAMES | _words(DATE_LINKS)
# What parts the words and numbers of a date line (letters with their
# combining marks stay one word: "नवंबर").
_SEPARATORS = frozenset(" \t,.:;/\\-–—()[]{}|'\"’‘“”«»·•،؛。、，：（）【】「」・+")
# Separators of a date written in numbers alone ("28.01.2005", "2024-03-12").
_NUMBER_SEPARATORS = frozenset("/.-")


def is_date_line(text: str) -> bool:
    """Whether `text` is a date and nothing else: digits, and words that are
    all date words, one of them a name ("March", "ago", "年"); or three
    numbers or more with "/", "." or "-" between them and no word."""
    if len(text) > DATE_CHARS or not any(map(str.isdigit, text)):
        return False
    low = text.lower().replace("a.m.", "am").replace("p.m.", "pm")
    words: list[str] = []
    numbers = 0
    word: list[str] = []
    in_number = False
    for ch in low:
        if ch.isdigit() or ch in _SEPARATORS or ch.isspace():
            if word:
                words.append("".join(word))
                word = []
            if ch.isdigit() and not in_number:
                numbers += 1
            in_number = ch.isdigit()
        else:
            word.append(ch)
            in_number = False
    if word:
        words.append("".join(word))
    if not all(w in WORDS for w in words):
        return False
    if any(w in NAMES for w in words):
        return True
    return not words and numbers >= 3 and not _NUMBER_SEPARATORS.isdisjoint(low)
