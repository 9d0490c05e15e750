"""Phrase knowledge, as data: names of networks, calls to action, the
phrases that open or make boilerplate, kickers, copyright notices, menu
separators, home pages' names, author tag-lines; one tuple per language,
matched case-insensitively by `boilerplate.py`. Adding a language's
phrases is a change here only (and, where corpus text holds them, a
retraining: the kind model reads them as cues)."""

from __future__ import annotations

# Names of social networks and app stores, in Latin script and as news sites
# in Indian languages write them.
NETWORKS: tuple[str, ...] = (
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "whatsapp",
    "telegram",
    "linkedin",
    "tiktok",
    "pinterest",
    "snapchat",
    "koo",
    "sharechat",
    "app store",
    "google play",
    "play store",
    "फ़ेसबुक",
    "फेसबुक",
    "ट्विटर",
    "इंस्टाग्राम",
    "यूट्यूब",
    "यूट्यूब",
    "व्हाट्सएप",
    "व्हाट्सऐप",
    "टेलीग्राम",
    "गूगल प्ले",
    "ऐप स्टोर",
    "ফেসবুক",
    "টুইটার",
    "ইউটিউব",
    "فيسبوك",
    "تويتر",
    "يوتيوب",
    "انستغرام",
    "vk",
    "vkontakte",
    "вконтакте",
    "одноклассники",
    "телеграм",
    "ютуб",
    "weibo",
    "wechat",
    "reddit",
    "kakaotalk",
    "카카오톡",
    "mastodon",
    "bluesky",
)

# Words that turn a mention of a network into a call to action.
CALLS: tuple[str, ...] = (
    "follow",
    "subscribe",
    "download",
    "click",
    "like us",
    "join us",
    "फ़ॉलो",
    "फॉलो",
    "सब्सक्राइब",
    "डाउनलोड",
    "क्लिक",
    "ज्वाइन",
    "जुड़ें",
    "ऐप",
    "تابعونا",
    "اشترك",
    "حمّل",
    "حمل تطبيق",
    "sign up",
    "подписывайтесь",
    "подпишитесь",
    "síguenos",
    "suscríbete",
    "suivez-nous",
    "abonnez-vous",
    "folgen sie",
    "abonnieren",
    "siga-nos",
    "seguici",
)

# A block that is one of these alone is an advertisement's label, kept as
# text (the web annotators keep "Advertisement" lines mid-article: 6 of 8)
# but never a heading (it would split a section in two). Lower case.
AD_LABELS = frozenset(
    {
        "advertisement",
        "advertisements",
        "sponsored",
        "sponsored content",
        "anzeige",
        "advertentie",
    }
)

# Words that label an advertisement but also name a topic ("Advertising",
# a privacy policy's section): a label only in capitals or between marks
# ("ADVERTISING", "- Werbung -", "【広告】"). Lower case.
AD_TOPICS = frozenset(
    {
        "advertising",
        "werbung",
        "publicité",
        "publicidad",
        "publicidade",
        "pubblicità",
        "реклама",
        "広告",
        "广告",
        "광고",
        "إعلان",
        "विज्ञापन",
    }
)


# Phrases that open a boilerplate block ("Also read: ..."): evidence strong
# enough anywhere in an article (copyright and advertisement lines count only
# at its edges, as cues).
OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        "also read",
        "read also",
        "read more",
        "see also:",
        "related:",
        "related story",
        "related stories",
        "recommended:",
        "watch:",
        "watch video",
        "follow us",
    ),
    "hi": (
        "इसे भी पढ़ें",
        "इसे भी पढ़े",
        "इसे भी देखें",
        "यह भी पढ़ें",
        "यह भी पढ़े",
        "ये भी पढ़ें",
        "ये भी पढ़े",
        "यह भी देखें",
        "ये भी देखें",
        "पढ़ें:",
        "पढ़ें :",
        "और पढ़ें",
        "वीडियो देखें",
    ),
    "bn": ("আরও পড়ুন", "আরো পড়ুন", "আরও দেখুন:"),
    "ar": ("اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "شاهد أيضا", "تابعونا على"),
    # (not French "Lire aussi": the web corpus's Le Monde page keeps one as text)
    "de": ("mehr zum thema", "lesen sie auch", "lesen sie mehr"),
    "es": ("lee también", "lea también", "te puede interesar", "leer más:"),
    "pt": ("leia também", "leia mais"),
    "it": ("leggi anche", "potrebbe interessarti"),
    "ru": ("читайте также", "читайте ещё", "смотрите также:"),
    "zh": ("相关阅读", "延伸阅读", "相关新闻："),
    "ko": ("관련기사", "관련 기사"),
}

# Phrases that make a short block boilerplate wherever they stand in it.
PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "follow us on",
        "download our app",
        "sign up for our newsletter",
        "sign up for our weekly newsletter",
        "sign up for our daily newsletter",
        "subscribe to our",
        "for the latest news",
        "click here to",
        "share this article",
        "share this story",
        "sent from my iphone",
        "sent from my android",
        "sent from my ipad",
        "get outlook for",
        "view this email in your browser",
        "view this email in a browser",
    ),
    "he": ("שתפו את הכתבה", "שתף את הכתבה", "עקבו אחרינו"),
    "th": ("แชร์บทความนี้", "ติดตามเราได้ที่"),
    "hi": (
        "latest news in hindi",
        "breaking news in hindi",
        "news in hindi से अपडेट",
        "बने रहें हमारे साथ",
        "हमें फ़ॉलो",
        "हमें फॉलो",
        "यहां क्लिक",
        "यहाँ क्लिक",
        "सब्सक्राइब करें",
        "डाउनलोड करें",
    ),
    "ar": ("تؤمنه لكم", "تابعونا على", "جميع الحقوق محفوظة"),
    "es": ("síguenos en", "suscríbete a nuestro", "suscríbase a nuestro", "comparte este artículo"),
    "fr": (
        "suivez-nous sur",
        "abonnez-vous à notre",
        "inscrivez-vous à notre",
        "partager cet article",
    ),
    "de": (
        "folgen sie uns",
        "abonnieren sie unseren",
        "melden sie sich für unseren",
        "newsletter abonnieren",
        "artikel teilen",
    ),
    "pt": ("siga-nos no", "siga-nos nas", "assine nossa newsletter", "inscreva-se na nossa"),
    "it": ("seguici su", "iscriviti alla nostra"),
    "ru": (
        "подписывайтесь на наш",
        "подпишитесь на наш",
        "читайте нас в",
        "наш телеграм-канал",
        "поделиться статьей",
        "поделиться статьёй",
    ),
    "ja": (
        "フォローしてください",
        "メルマガ登録",
        "ニュースレターに登録",
        "公式アカウントをフォロー",
        "【pr】",
        "【広告】",
        "記事をシェア",
        "lineで友だち追加",
        "友だち追加",
    ),
    "ko": ("구독하세요", "채널 구독하기", "카카오톡에서 뉴스를", "기사 공유하기"),
    # (Chinese writes no spaces: network names are not found as whole words)
    "zh": (
        "欢迎关注",
        "关注我们",
        "请关注",
        "微信公众号",
        "扫码关注",
        "扫描二维码",
        "点击关注",
        "分享到",
        "转载请注明出处",
    ),
}

# Phrases that make a block wholly in brackets a promotion ("(Sign up for our
# free weekly newsletter.)"): too common in text to count anywhere else;
# whole phrases, not words ("subscribers" is no call to subscribe).
BRACKET_PROMOS: dict[str, tuple[str, ...]] = {
    "en": (
        "our newsletter",
        "free newsletter",
        "weekly newsletter",
        "daily newsletter",
        "subscribe to",
        "subscribe now",
        "subscribe here",
        "sign up for",
        "sign up to",
        "sign up here",
    ),
    "es": ("nuestro boletín", "nuestra newsletter", "suscríbete", "suscríbase"),
    "fr": ("notre lettre d'information", "notre newsletter", "abonnez-vous", "inscrivez-vous"),
    "de": ("unseren newsletter", "newsletter abonnieren", "abonnieren sie"),
    "pt": ("nossa newsletter", "assine a nossa", "inscreva-se"),
    "it": ("nostra newsletter", "iscriviti"),
    "ru": ("нашу рассылку", "подпишитесь", "подписывайтесь", "подписаться на наш"),
    "zh": ("订阅", "公众号"),
    "ja": ("メルマガ", "ニュースレター"),
}


# Kickers: a label a page sets above its headline ("BREAKING NEWS",
# "Opinion"). Only a first block that is one of these, whole, is one (see
# `is_kicker`); anywhere else such a word is text.
KICKERS: dict[str, tuple[str, ...]] = {
    "en": (
        "breaking",
        "breaking news",
        "just in",
        "developing",
        "developing story",
        "exclusive",
        "live",
        "live updates",
        "opinion",
        "analysis",
        "editorial",
        "commentary",
        "explainer",
        "fact check",
        "special report",
        "sponsored",
        "sponsored content",
        "interview",
        "investigation",
        "in depth",
        "in-depth",
        "review",
        "q&a",
    ),
    "hi": ("ब्रेकिंग न्यूज़", "ब्रेकिंग न्यूज", "ब्रेकिंग", "एक्सक्लूसिव", "लाइव", "विश्लेषण", "राय", "ताज़ा ख़बर"),
    "bn": ("ব্রেকিং নিউজ", "এক্সক্লুসিভ", "লাইভ", "বিশ্লেষণ", "মতামত"),
    "ar": ("عاجل", "خبر عاجل", "حصري", "رأي", "تحليل", "مباشر"),
    "ru": ("срочно", "молния", "эксклюзив", "мнение", "анализ", "онлайн", "интервью"),
    "es": (
        "última hora",
        "exclusiva",
        "opinión",
        "análisis",
        "en directo",
        "en vivo",
        "entrevista",
    ),
    "fr": (
        "dernière minute",
        "exclusif",
        "opinion",
        "analyse",
        "en direct",
        "décryptage",
        "entretien",
    ),
    "de": ("eilmeldung", "exklusiv", "meinung", "analyse", "kommentar", "liveblog", "interview"),
    "zh": ("突发", "独家", "快讯", "评论", "直播", "深度报道", "专访"),
}
# Page furniture of a PDF extract: a page number alone on its line ("12",
# "- 12 -", "Page 3 of 12", "S. 4"), a page's word before it, and the word
# between a page and the count. Text (the web annotators keep "Page 3"), but
# never a heading.
PAGE_WORDS = (
    "page",
    "p.",
    "pp.",
    "pg.",
    "seite",
    "s.",
    "página",
    "pág.",
    "pagina",
    "страница",
    "стр.",
    "с.",
    "صفحة",
    "पृष्ठ",
    "页",
    "第",
)
PAGE_OF = ("of", "von", "de", "sur", "di", "из", "/", "من")
# A copyright notice: its mark, or "all rights reserved" in a language.
# Only a short one as the article's last block is boilerplate (see
# `is_copyright_notice`); a long one, or one above more text, is text (web
# annotators keep "Copyright © 2004 Ann Lee" above the author's biography).
COPYRIGHT_MARKS = ("©", "(c)", "℗", "ⓒ")  # (ⓒ: Korean sites write the circled letter)
RIGHTS_RESERVED: dict[str, tuple[str, ...]] = {
    "en": ("all rights reserved",),
    "es": ("todos los derechos reservados",),
    "fr": ("tous droits réservés",),
    "de": ("alle rechte vorbehalten",),
    "it": ("tutti i diritti riservati",),
    "pt": ("todos os direitos reservados",),
    "ru": ("все права защищены",),
    "hi": ("सर्वाधिकार सुरक्षित",),
    "ar": ("جميع الحقوق محفوظة",),
    "zh": ("版权所有",),
    "ja": ("無断転載",),
    "ko": (
        "무단 전재 및 재배포 금지",
        "무단전재 및 재배포금지",
        "무단전재 및 재배포 금지",
        "무단 전재",
    ),
}
COPYRIGHT_WORDS = 10  # a notice is at most this many words
COPYRIGHT_CHARS = 80  # and characters (scripts written without spaces)

# Words of a pager ("Page 1 | 2 | 3 | Next"): with page numbers in a run, a
# line of them is a site's, not a table's row. Lower case.
PAGER_WORDS = frozenset(
    {
        "page", "pages", "next", "prev", "previous", "first", "last", "more",
        "seite", "weiter", "zurück", "nächste", "vorherige",
        "suivant", "suivante", "précédent", "précédente",
        "página", "siguiente", "anterior", "próxima",
        "pagina", "successiva", "precedente",
        "страница", "стр", "далее", "следующая", "назад", "вперёд",
        "下一页", "上一页", "页", "次へ", "前へ", "다음", "이전",
        "»", "«", "›", "‹", ">>", "<<", "…", "...",
    }
)  # fmt: skip

# Marks of an interview's turns ("Q: How did you start?", "Frage: ...",
# "问：..."): a block that opens with one and goes on is a paragraph, never
# a heading (the web annotators keep all 39 as text). One-letter marks are
# upper case; words any case.
SPEAKER_MARKS: dict[str, tuple[str, ...]] = {
    "en": ("Q", "A", "question", "answer"),
    "de": ("F", "A", "frage", "antwort"),
    "fr": ("Q", "R", "question", "réponse"),
    "es": ("P", "R", "pregunta", "respuesta"),
    "ru": ("В", "О", "вопрос", "ответ"),
    "zh": ("问", "答"),
    "ja": ("問", "答"),
    "ko": ("문", "답", "질문", "답변"),
}

# Separators of a navigation line: "Home | News | World", "Home > Sport".
MENU_SEPARATORS = (
    " | ",
    " • ",
    " · ",
    " » ",
    " › ",
    " > ",
    " / ",
    " → ",
    " :: ",
    " « ",
    " ‹ ",
    " ｜ ",
    " ＞ ",
)
MENU_ITEMS = 3  # at least this many items (two after a home page's name)
MENU_ITEM_WORDS = 4  # of at most this many words each

# A home page's name, the first item of a breadcrumb ("Home › News").
HOMES: dict[str, tuple[str, ...]] = {
    "en": ("home", "homepage", "home page", "main page"),
    "de": ("startseite", "start"),
    "fr": ("accueil",),
    "es": ("inicio", "portada"),
    "pt": ("início", "página inicial"),
    "it": ("home page",),
    "ru": ("главная", "главная страница"),
    "uk": ("головна",),
    "hi": ("होम", "मुखपृष्ठ"),
    "ar": ("الرئيسية", "الصفحة الرئيسية"),
    "zh": ("首页", "主页"),
    "ja": ("ホーム", "トップ"),
}

# Author tag-lines: "<Name> is a regular commentator on ...".
TAGLINES: dict[str, str] = {
    "en": (
        r"^(?:\p{Lu}[\w.'’-]*\s+){1,4}(?:is|was)\s+(?:(?:a|an|the)\s+)?[^.]{0,80}?"
        r"\b(?:correspondent|commentator|columnist|editor|reporter|writer|contributor|"
        r"analyst|presenter|journalist)\b"
    ),
}

# Words after a suspended hyphen ("Vor- und Nachteile", "pre- and post-war"):
# a hyphen at a line's end before one of these keeps its space.
SUSPENDED_HYPHEN_WORDS = frozenset(
    ("und", "oder", "bis", "sowie", "and", "or", "to", "et", "ou", "y", "o", "e", "и", "или")
)
